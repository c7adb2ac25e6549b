#include <string.h>

#include "rubric/io.h"
#include "util/util.h"

size_t utf8_invalid_at(const char *str, size_t len)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;
    while (i < len) {
        /* Most text is ASCII: skip it eight bytes at a time. */
        while (i + 8 <= len) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ull)
                break;
            i += 8;
        }
        if (i >= len)
            break;
        unsigned c = s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned min;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1; min = 0x80; cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2; min = 0x800; cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3; min = 0x10000; cp = c & 0x07;
        } else {
            return i;
        }
        if (len - i <= n)
            return i;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += n + 1;
    }
    return len;
}

bool rb_text_plain(const char *s, bool multiline)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == 0x7f || (c < 0x20 && !(multiline && (c == '\n' || c == '\t'))))
            return false;
        if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] < 0xA0)
            return false;
    }
    return true;
}

bool utf8_valid(const char *s, size_t len)
{
    return utf8_invalid_at(s, len) == len;
}

size_t utf8_count(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i < len; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

bool rb_text_valid(const char *s, size_t len)
{
    return memchr(s, '\0', len) == NULL && utf8_valid(s, len);
}

void rb_name_slug(const char *name, char *out, size_t size)
{
    if (!size)
        return;
    size_t n = 0;
    bool gap = false;
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        unsigned char c = *p;
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
        if (c >= 'A' && c <= 'Z') {
            c = (unsigned char)(c - 'A' + 'a');
            keep = true;
        }
        if (!keep) {
            gap = true;
            continue;
        }
        if (n + (gap && n) + 2 > size)
            break;
        if (gap && n)
            out[n++] = '-';
        out[n++] = (char)c;
        gap = false;
    }
    /* Never end inside a UTF-8 sequence. */
    size_t cut = n;
    while (cut > 0 && ((unsigned char)out[cut - 1] & 0xC0) == 0x80)
        cut--;
    if (cut > 0 && (unsigned char)out[cut - 1] >= 0xC0) {
        size_t need = (unsigned char)out[cut - 1] >= 0xF0 ? 4
                    : (unsigned char)out[cut - 1] >= 0xE0 ? 3 : 2;
        if (n - (cut - 1) < need)
            n = cut - 1;
    }
    if (!n && size >= 2)
        out[n++] = 'x';
    out[n] = '\0';
}
