/* bt-xliff-reader.h: opens review files, and XLIFF 1.2 or 2.x from other
 * tools, refusing hostile XML
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-progress.h"
#include "bt-review.h"

G_BEGIN_DECLS

#define BT_XLIFF_MAX_SIZE       (64 * 1024 * 1024)
#define BT_XLIFF_MAX_ATTRIBUTE  (1024 * 1024)
#define BT_XLIFF_MAX_DEPTH      256

/* Opens @path. A Bitext review comes back exactly as it was saved; XLIFF
 * from other tools comes back as source paragraphs and target sentences,
 * with one translated message in @warnings (if not NULL) saying so, then
 * one for each kind of thing that was dropped: @warnings stays empty for
 * Bitext's own files only. The review's history is empty and it is marked
 * saved. Errors name the file and the XML line. */
BtReview *bt_xliff_read_file (const char   *path,
                              GPtrArray   **warnings,
                              GError      **error);
/* The same, reporting to @progress (nullable) as the file is read, a
 * piece at a time, and the review built; NULL with G_IO_ERROR_CANCELLED
 * soon after @cancellable is cancelled. */
BtReview *bt_xliff_read_file_full (const char         *path,
                                   const BtProgress   *progress,
                                   GCancellable       *cancellable,
                                   GPtrArray         **warnings,
                                   GError            **error);
/* The same from memory; @name is used in messages. */
BtReview *bt_xliff_read_data (const char   *data,
                              gsize         size,
                              const char   *name,
                              GPtrArray   **warnings,
                              GError      **error);

G_END_DECLS
