/* The floor for the connect benchmarks: what plain C pays for socket(), connect(), close(). */
#include <errno.h>
#include <sys/socket.h>
#include <unistd.h>

/* Runs `iterations` rounds of socket/connect/close against one address. Returns the number of
   rounds whose connect() succeeded; *last_errno gets the errno of the last failure (or 0). */
int ec_floor_connect_loop(const struct sockaddr *address, socklen_t length, int family, int type,
                          int iterations, int *last_errno)
{
    int connected = 0;
    *last_errno = 0;
    for (int i = 0; i < iterations; i++) {
        int fd = socket(family, type | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            *last_errno = errno;
            continue;
        }
        if (connect(fd, address, length) == 0) {
            connected++;
        } else {
            *last_errno = errno;
        }
        close(fd);
    }
    return connected;
}
