/* Test-only helpers the .NET tests cannot express safely in managed code. */
#define _GNU_SOURCE
#include <signal.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

static volatile sig_atomic_t delivered;

static void count_signal(int signal_number)
{
    (void)signal_number;
    delivered++;
}

/* A handler without SA_RESTART: a blocking call the signal lands in fails with EINTR instead of
   being restarted by the kernel. Returns 0 or -1 with errno. */
int ec_install_interrupting_handler(int signal_number)
{
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = count_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    return sigaction(signal_number, &action, NULL);
}

int ec_signals_delivered(void)
{
    return (int)delivered;
}

/* Changes the effective uid of the calling thread only. glibc's setresuid() would change every
   thread of the process (it broadcasts the change); the raw system call does not. The saved uid
   stays 0, so the thread can switch back. Returns 0 or -1 with errno. */
int ec_set_thread_effective_uid(int uid)
{
    return (int)syscall(SYS_setresuid, -1, uid, -1);
}
