/* bt-test-review.h: reviews for the file tests and benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-review.h"

G_BEGIN_DECLS

/* A random review from @rand: crossing and many-to-many links, nested and
 * crossing omissions, every state, and text with XML specials, combining
 * marks, emoji, CJK Extension B and bidi marks. */
BtReview *bt_test_review_new_random (GRand *rand,
                                     guint  max_paragraphs);
/* A large review with @n_paragraphs, three links and half an omission
 * each, for the benchmarks. */
BtReview *bt_test_review_new_large  (guint  n_paragraphs);
/* The review the window opens in its benchmark: @n_paragraphs of two
 * sentences each, each paragraph suggested against two or three target
 * sentences, an omission in every other paragraph. */
BtReview *bt_test_review_new_window (guint  n_paragraphs);
/* A small fixed review with one of everything, for the golden files. */
BtReview *bt_test_review_new_golden (void);
/* Runs xmllint on @path against @schema (a file of BITEXT_SHARED_DIR/xliff);
 * skips the test, saying why, when the schemas are not there. */
void      bt_test_validate          (const char *path,
                                     const char *schema);
/* Whether BITEXT_SHARED_DIR/xliff is there. */
gboolean  bt_test_have_schemas      (void);

G_END_DECLS
