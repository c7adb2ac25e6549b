/* renameat2 (Linux), for new files where hard links are not available. */
#define _GNU_SOURCE
#include "util/util.h"
#include "rubric/io.h"

#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

read_status read_file_limited(const char *path, size_t limit, char **data,
                              size_t *len)
{
    *data = NULL;
    *len = 0;
    /* Non-blocking open: a FIFO must not hang us before fstat says what
     * it is. */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0)
        return READ_ERROR;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        errno = e;
        return READ_ERROR;
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        errno = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
        return READ_NOT_FILE;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        (void)fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    if ((unsigned long long)st.st_size > limit) {
        close(fd);
        *len = (size_t)st.st_size;
        return READ_TOO_BIG;
    }
    /* The size may change under us: read up to limit+1 and check. */
    size_t cap = (size_t)st.st_size + 1;
    char *buf = malloc(cap + 1);
    if (!buf) {
        close(fd);
        errno = ENOMEM;
        return READ_ERROR;
    }
    size_t got = 0;
    for (;;) {
        if (got == cap) {
            if (got > limit)
                break;
            size_t ncap = cap * 2 > limit + 1 ? limit + 1 : cap * 2;
            char *n = realloc(buf, ncap + 1);
            if (!n) {
                free(buf);
                close(fd);
                errno = ENOMEM;
                return READ_ERROR;
            }
            buf = n;
            cap = ncap;
        }
        ssize_t r = read(fd, buf + got, cap - got);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            int e = errno;
            free(buf);
            close(fd);
            errno = e;
            return READ_ERROR;
        }
        if (r == 0)
            break;
        got += (size_t)r;
    }
    close(fd);
    if (got > limit) {
        free(buf);
        *len = got;
        return READ_TOO_BIG;
    }
    buf[got] = '\0';
    *data = buf;
    *len = got;
    return READ_OK;
}

double monotonic_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

static int write_file(const char *path, const void *data, size_t len, unsigned mode,
                      bool replace, char *err, size_t errsize);

int rb_write_file_atomic(const char *path, const void *data, size_t len,
                         unsigned mode, char *err, size_t errsize)
{
    return write_file(path, data, len, mode, true, err, errsize);
}

int rb_write_file_new(const char *path, const void *data, size_t len,
                      unsigned mode, char *err, size_t errsize)
{
    return write_file(path, data, len, mode, false, err, errsize);
}

static int write_file(const char *path, const void *data, size_t len, unsigned mode,
                      bool replace, char *err, size_t errsize)
{
    size_t plen = strlen(path);
    char *tmp = malloc(plen + 16);
    char *dircopy = strdup(path);
    if (!tmp || !dircopy) {
        free(tmp);
        free(dircopy);
        snprintf(err, errsize, "%s", strerror(ENOMEM));
        return -1;
    }
    snprintf(tmp, plen + 16, "%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(err, errsize, "%s", strerror(errno));
        free(tmp);
        free(dircopy);
        return -1;
    }
    int rc = -1;
    if (fchmod(fd, (mode_t)mode) != 0 || write_all(fd, data, len) != 0 ||
        fsync(fd) != 0) {
        snprintf(err, errsize, "%s", strerror(errno));
        close(fd);
        goto fail;
    }
    if (close(fd) != 0) {
        snprintf(err, errsize, "%s", strerror(errno));
        goto fail;
    }
    /* A new file is linked into place, which fails when the name exists
     * (even when it appeared a moment ago); then the temporary name goes.
     * Where the file system has no hard links, a rename that never
     * replaces does the same in one step. */
    bool renamed = replace;
    int placed = replace ? rename(tmp, path) : link(tmp, path);
    if (!replace && placed != 0 &&
        (errno == EPERM || errno == ENOTSUP || errno == EOPNOTSUPP || errno == EMLINK)) {
#ifdef SYS_renameat2
        placed = (int)syscall(SYS_renameat2, AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE);
        renamed = placed == 0;
#endif
    }
    if (placed != 0) {
        snprintf(err, errsize, "%s", errno == EEXIST ? "the file already exists"
                                                     : strerror(errno));
        goto fail;
    }
    /* From here the file is in place: a failure is reported, and the
     * file is not taken back. */
    if (!renamed && unlink(tmp) != 0) {
        snprintf(err, errsize, "written, but its temporary copy %s could not be removed: %s",
                 tmp, strerror(errno));
        free(tmp);
        free(dircopy);
        return -1;
    }
    /* A folder we may write to but not read cannot be opened to be synced:
     * the file is written all the same. A sync that fails is reported. */
    int dfd = open(dirname(dircopy), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dfd >= 0 && fsync(dfd) != 0) {
        int e = errno;
        close(dfd);
        snprintf(err, errsize, "written, but its folder could not be synced: %s", strerror(e));
        free(tmp);
        free(dircopy);
        return -1;
    }
    if (dfd >= 0)
        close(dfd);
    rc = 0;
    free(tmp);
    free(dircopy);
    return rc;
fail: {
    int e = errno;
    unlink(tmp);
    free(tmp);
    free(dircopy);
    errno = e;
    return rc;
}
}
