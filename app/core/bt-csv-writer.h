/* bt-csv-writer.h: omissions and links as CSV for spreadsheets (RFC 4180,
 * UTF-8 with a byte order mark, CRLF)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"

G_BEGIN_DECLS

/* Columns: kind, source, target, start, end, category, severity, origin,
 * confidence, state, decided_by, decided_at, comment, text. */
GBytes   *bt_csv_write_bytes (BtReview    *review);
gboolean  bt_csv_write_file  (BtReview    *review,
                              const char  *path,
                              GError     **error);
/* Appends one field, quoted when it holds a comma, a quote or a line break. */
void      bt_csv_append_field (GString    *out,
                               const char *field);

G_END_DECLS
