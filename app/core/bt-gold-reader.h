/* bt-gold-reader.h: a review in Bitext's JSON shape, read back for scoring
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"

G_BEGIN_DECLS

/* Reads the JSON that bt-json-writer writes (DESIGN.md's shape): the
 * source paragraphs with their sentence spans, the target sentences with
 * their paragraph numbers, links, omissions and additions. Errors name
 * the file and the byte where reading stopped. */
BtReview *bt_gold_read_bytes (GBytes      *bytes,
                              const char  *display_name,
                              GError     **error);
BtReview *bt_gold_read_file  (const char  *path,
                              GError     **error);

G_END_DECLS
