/*
 * "Did you mean" support: a capped optimal-string-alignment distance.
 */
#include "util/util.h"

#include <string.h>

#define MAXLEN 64

size_t edit_distance(const char *a, const char *b, size_t cap)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > MAXLEN || lb > MAXLEN)
        return cap + 1;
    if ((la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    if (la == 0 || lb == 0)
        return la + lb;  /* within cap, by the test above */
    size_t d[MAXLEN + 1][MAXLEN + 1];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t rowmin = SIZE_MAX;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
            if (v < rowmin)
                rowmin = v;
        }
        if (rowmin > cap)
            return cap + 1;
    }
    return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

const char *closest_word(const char *word, const char *const *candidates,
                         size_t ncandidates)
{
    size_t len = strlen(word);
    /* Short words tolerate one edit, longer ones a third of their length. */
    size_t cap = len <= 4 ? 1 : len / 3;
    if (cap > 4)
        cap = 4;
    const char *best = NULL;
    size_t best_d = cap + 1;
    for (size_t i = 0; i < ncandidates; i++) {
        size_t dist = edit_distance(word, candidates[i], cap);
        if (dist < best_d) {
            best_d = dist;
            best = candidates[i];
        }
    }
    return best;
}
