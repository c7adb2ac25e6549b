/*
 * Arena allocator: blocks chained together, bump allocation inside a block.
 * The compiled library lives in one arena, so freeing it is one call and a
 * Lua error that unwinds through a constructor cannot leak what was built.
 */
#include "util/util.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_SIZE ((size_t)64 * 1024)
#define ALIGN ((size_t)16)

struct block {
    struct block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

struct arena {
    struct block *head;
    size_t total;
};

arena *arena_new(void)
{
    return calloc(1, sizeof(arena));
}

void *arena_alloc(arena *a, size_t size)
{
    size_t need = (size + ALIGN - 1) & ~(ALIGN - 1);
    if (need < size)
        return NULL;
    struct block *b = a->head;
    if (!b || b->size - b->used < need) {
        size_t bsize = need > BLOCK_SIZE / 4 ? need : BLOCK_SIZE;
        if (bsize > SIZE_MAX - sizeof(struct block))
            return NULL;
        struct block *nb = malloc(sizeof(struct block) + bsize);
        if (!nb)
            return NULL;
        nb->size = bsize;
        nb->used = 0;
        /* A big one-off allocation goes behind the current block so the
         * current block's free space is not wasted. */
        if (b && bsize != BLOCK_SIZE) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        a->total += bsize;
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += need;
    memset(p, 0, need);
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    if (p) {
        memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

char *arena_strdup(arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

char *arena_printf(arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *p = arena_alloc(a, (size_t)n + 1);
    if (!p)
        return NULL;
    va_start(ap, fmt);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return p;
}

size_t arena_bytes(const arena *a)
{
    return a->total;
}

void arena_free(arena *a)
{
    if (!a)
        return;
    struct block *b = a->head;
    while (b) {
        struct block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

bool ptrvec_push(arena *a, ptrvec *v, void *item)
{
    if (v->len == v->cap) {
        size_t ncap = v->cap ? v->cap * 2 : 8;
        void **n = arena_alloc(a, ncap * sizeof(void *));
        if (!n)
            return false;
        if (v->len)
            memcpy(n, v->items, v->len * sizeof(void *));
        v->items = n;
        v->cap = ncap;
    }
    v->items[v->len++] = item;
    return true;
}
