/* bt-json-reader.h: reopens a review exported as JSON (DESIGN.md's shape)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-progress.h"
#include "bt-review.h"

G_BEGIN_DECLS

/* JSON keeps the documents, links, omissions, additions and statuses; who
 * decided and when, notes and the threshold are not in it. Errors name
 * the file, the line and the byte. */
BtReview *bt_json_read_data (const char  *data,
                             gsize        size,
                             const char  *name,
                             GError     **error);
BtReview *bt_json_read_file (const char  *path,
                             GError     **error);
/* The same, reporting to @progress (nullable) as the file is read,
 * parsed and mapped; NULL with G_IO_ERROR_CANCELLED soon after
 * @cancellable is cancelled. */
BtReview *bt_json_read_file_full (const char        *path,
                                  const BtProgress  *progress,
                                  GCancellable      *cancellable,
                                  GError           **error);

G_END_DECLS
