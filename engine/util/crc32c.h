/*
 * CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as used by iSCSI,
 * ext4 and the session journal. Internal to the engine.
 */
#ifndef RB_CRC32C_H
#define RB_CRC32C_H

#include <stddef.h>
#include <stdint.h>

/* Extend `crc` (0 to start) over `len` bytes of `data`. The result of one
 * call can be passed back in to continue: rb_crc32c(rb_crc32c(0, a, n), b, m)
 * equals the CRC of a followed by b. rb_crc32c(0, "123456789", 9) is
 * 0xE3069283. */
uint32_t rb_crc32c(uint32_t crc, const void *data, size_t len);

#endif
