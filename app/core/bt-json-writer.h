/* bt-json-writer.h: the review as JSON, in the shape DESIGN.md fixes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"
#include "bt-safe-write.h"

G_BEGIN_DECLS

GBytes   *bt_json_write_bytes (BtReview    *review);
gboolean  bt_json_write_file  (BtReview    *review,
                               const char  *path,
                               GError     **error);
/* Streams into @write in pieces; FALSE when an append failed, which
 * bt_safe_write_commit() then reports. */
gboolean  bt_json_write_to    (BtReview    *review,
                               BtSafeWrite *write);
/* Appends @text as a JSON string, quotes included. */
void      bt_json_append_string (GString    *out,
                                 const char *text);

G_END_DECLS
