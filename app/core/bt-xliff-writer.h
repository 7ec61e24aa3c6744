/* bt-xliff-writer.h: the review file, XLIFF 2.1 (data/xliff-profile.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"

G_BEGIN_DECLS

#define BT_XLIFF_NS           "urn:oasis:names:tc:xliff:document:2.0"
#define BT_XLIFF_MDA_NS       "urn:oasis:names:tc:xliff:metadata:2.0"
#define BT_XLIFF_ITS_NS       "http://www.w3.org/2005/11/its"
#define BT_XLIFF_PROFILE      "2"

/* The same review always gives the same bytes. */
GBytes   *bt_xliff_write_bytes (BtReview    *review,
                                GError     **error);
/* FALSE when the review has no paragraph or holds text XML cannot carry. */
gboolean  bt_xliff_check_review (BtReview   *review,
                                 GError    **error);
/* Writes through bt_safe_write(). */
gboolean  bt_xliff_write_file  (BtReview    *review,
                                const char  *path,
                                GError     **error);

G_END_DECLS
