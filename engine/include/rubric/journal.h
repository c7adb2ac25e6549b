/*
 * The append-only session journal: one file per live interview, one record
 * per event, each record on disk (fdatasync) before the writer is told it is
 * saved. After a crash, recovery hands the records back in order.
 *
 * File format (integers little-endian):
 *
 *     header   "RBJ1"  version (u32, = 1)                         8 bytes
 *     record   length (u32)  crc (u32)  payload (length bytes)
 *              crc = CRC-32C (Castagnoli) over the 4 length bytes and
 *              the payload
 *
 * Payloads are opaque bytes (the interview layer stores JSON). A payload is
 * at most RB_JOURNAL_MAX_RECORD bytes; a file at most RB_JOURNAL_MAX_FILE.
 *
 * Creating a journal writes the header to a temporary file in the same
 * directory, fsyncs it, links it into place (never over an existing file)
 * and fsyncs the directory, so a journal never exists with a partial
 * header. A file shorter than the header, or with another magic or version,
 * is an error, never "empty".
 *
 * Recovery reads records in order and classifies what follows the last
 * intact one:
 *   - nothing: clean;
 *   - the start of a record that runs past the end of the file (the writer
 *     died mid-write), or zero bytes only (space the file system allocated
 *     but never wrote): reported, dropped, the file truncated back to the
 *     last intact record and fsynced;
 *   - anything else — a complete record whose checksum fails, a length over
 *     the limit, a length that runs past the end of the file while intact
 *     records follow, or a last record whose length field was damaged (its
 *     bytes to the end of the file match the checksum) — is corruption:
 *     recovery stops with an error giving the byte offset and record index,
 *     and the file is left as it is.
 * Records are handed over only after their checksum matched, so a caller
 * never sees bytes that differ from what was appended. One limitation: a
 * torn record whose payload happens to contain the bytes of a complete
 * record (a journal stored inside a journal) is reported as corruption
 * rather than dropped — the safe direction.
 *
 * Only one handle (writer or recovery) uses a journal at a time: both take
 * an exclusive flock() and fail with RB_JOURNAL_ERR_BUSY otherwise.
 *
 * The library never prints. Every error comes back in an rb_journal_err
 * whose text names the file and, where there is one, the byte offset.
 * Handles are not thread-safe; use one from one thread at a time.
 */
#ifndef RUBRIC_JOURNAL_H
#define RUBRIC_JOURNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define RB_JOURNAL_MAGIC "RBJ1"
#define RB_JOURNAL_VERSION 1u
#define RB_JOURNAL_HEADER_SIZE 8u  /* magic + version */
#define RB_JOURNAL_RECORD_HEADER 8u  /* length + crc, before each payload */
#define RB_JOURNAL_MAX_RECORD ((size_t)1 << 20)    /* payload bytes: 1 MiB */
#define RB_JOURNAL_MAX_FILE ((uint64_t)64 << 20)   /* whole file: 64 MiB */

/* rb_journal_open flags. Without RB_JOURNAL_CREATE the file must exist. */
#define RB_JOURNAL_CREATE 1u  /* create the journal when it does not exist */
#define RB_JOURNAL_EXCL 2u    /* with CREATE: fail when it already exists */

typedef enum rb_journal_status {
    RB_JOURNAL_OK = 0,
    RB_JOURNAL_ERR_ARG,      /* a NULL or out-of-range argument */
    RB_JOURNAL_ERR_NOMEM,
    RB_JOURNAL_ERR_IO,       /* a system call failed (sys_errno); a failed
                                fsync is one: it is never retried */
    RB_JOURNAL_ERR_EXISTS,   /* RB_JOURNAL_EXCL and the file exists */
    RB_JOURNAL_ERR_BUSY,     /* another handle has the journal open */
    RB_JOURNAL_ERR_HEADER,   /* not a journal, another version, or shorter
                                than the header */
    RB_JOURNAL_ERR_CORRUPT,  /* a damaged record: recovery stops there */
    RB_JOURNAL_ERR_TORN,     /* open: the last record is torn; recover first */
    RB_JOURNAL_ERR_LIMIT,    /* record or file over its size limit */
    RB_JOURNAL_ERR_STOPPED,  /* the recovery callback returned non-zero */
    RB_JOURNAL_ERR_BROKEN,   /* an earlier append on this handle failed */
} rb_journal_status;

#define RB_JOURNAL_NO_OFFSET UINT64_MAX

typedef struct rb_journal_err {
    rb_journal_status status;
    int sys_errno;       /* errno for RB_JOURNAL_ERR_IO, else 0 */
    uint64_t offset;     /* byte offset concerned, or RB_JOURNAL_NO_OFFSET */
    uint64_t record;     /* index (from 0) of the record concerned, when
                            offset is set */
    char text[1024];     /* "path: what went wrong ...", one line; "" on OK.
                            Texts number records from 1, as a person
                            counts them ("record 1" is the first). */
} rb_journal_err;

typedef struct rb_journal rb_journal;

/* Open the journal at `path` for appending, creating it (mode 0600) when
 * `flags` has RB_JOURNAL_CREATE and it does not exist. An existing journal
 * is read through and must be intact up to its end: a torn last record
 * gives RB_JOURNAL_ERR_TORN (run rb_journal_recover first), damage gives
 * RB_JOURNAL_ERR_CORRUPT. The descriptor is O_APPEND and O_CLOEXEC.
 * On success *out is the handle; on failure *out is NULL. `err` may be
 * NULL. */
rb_journal_status rb_journal_open(const char *path, unsigned flags,
                                  rb_journal **out, rb_journal_err *err);

/* Append one record and fdatasync. Success means the record is on disk.
 * The whole record is written (short writes and EINTR are continued).
 * Failure means "not known to be saved": if the write or the fdatasync
 * failed, the handle refuses every later append (RB_JOURNAL_ERR_BROKEN) —
 * close it and run recovery, which may find the record complete, torn
 * (dropped) or absent. Limits (RB_JOURNAL_ERR_LIMIT) write nothing and
 * leave the handle usable. `payload` may be NULL when `len` is 0. */
rb_journal_status rb_journal_append(rb_journal *j, const void *payload,
                                    size_t len, rb_journal_err *err);

/* Records in the journal and its size in bytes (header included). */
uint64_t rb_journal_records(const rb_journal *j);
uint64_t rb_journal_size(const rb_journal *j);

/* Close the handle (NULL is fine) and release its lock. Every acknowledged
 * record was already synced; a failing close() is still reported. */
rb_journal_status rb_journal_close(rb_journal *j, rb_journal_err *err);

/* Remove the journal file and close the handle: for a journal this
 * process has just created whose first record could not be saved, so that
 * no empty or torn file is left to be mistaken for a started one. The
 * name is removed while the lock is held, and the folder is synced. */
rb_journal_status rb_journal_discard(rb_journal *j, rb_journal_err *err);

/* A journal text (an error's or a recovery note's, "path: what ...")
 * without its leading "path: ", for a message that names the file. */
const char *rb_journal_text_after(const char *path, const char *text);

/* ---- recovery ------------------------------------------------------------ */

/* Called once per intact record, in order; `index` counts from 0. The
 * payload is valid during the call only. Return 0 to go on, anything else
 * to stop (recovery then returns RB_JOURNAL_ERR_STOPPED and changes
 * nothing). */
typedef int (*rb_journal_record_fn)(void *ctx, uint64_t index,
                                    const void *payload, size_t len);

typedef enum rb_journal_tail {
    RB_JOURNAL_TAIL_NONE,   /* the file ends right after the last record */
    RB_JOURNAL_TAIL_TORN,   /* a record cut short: the writer died mid-write */
    RB_JOURNAL_TAIL_ZEROS,  /* only zero bytes after the last record */
} rb_journal_tail;

typedef struct rb_journal_report {
    uint64_t records;      /* intact records handed to the callback */
    uint64_t file_size;    /* size of the file as found */
    uint64_t good_size;    /* end of the last intact record */
    rb_journal_tail tail;  /* what followed the last intact record */
    uint64_t tail_offset;  /* where the dropped bytes began (= good_size) */
    uint64_t tail_size;    /* how many bytes were dropped */
    bool truncated;        /* the file was cut to good_size and fsynced */
    char note[1024];       /* "path: dropped ..." when a tail was dropped */
    rb_journal_err err;    /* what stopped recovery; status OK otherwise */
} rb_journal_report;

/* Read the journal at `path`, call `fn` (may be NULL) for each intact
 * record, and drop a torn or zero-filled tail as described above. Returns
 * report->err.status: RB_JOURNAL_OK when every record up to the end (or up
 * to the dropped tail) was handed over. On RB_JOURNAL_ERR_CORRUPT the
 * callback has seen the intact records before the damage (report->records
 * of them) and err.offset / err.record say where the damage is. `report`
 * is required. */
rb_journal_status rb_journal_recover(const char *path, rb_journal_record_fn fn,
                                     void *ctx, rb_journal_report *report);

/* The same without changing the file: a shared lock, and a torn or
 * zero-filled tail is reported (report->tail, report->note) but left in
 * place. For readers of finished journals (scoring a session). */
rb_journal_status rb_journal_read(const char *path, rb_journal_record_fn fn,
                                  void *ctx, rb_journal_report *rep);

/* A short name for a status ("ok", "corrupt", ...), for logs and tests. */
const char *rb_journal_status_name(rb_journal_status s);

#endif
