/* bt-xliff12-writer.h: XLIFF 1.2 export for older CAT tools
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"

G_BEGIN_DECLS

#define BT_XLIFF12_NS "urn:oasis:names:tc:xliff:document:1.2"

GBytes   *bt_xliff12_write_bytes (BtReview    *review,
                                  GError     **error);
gboolean  bt_xliff12_write_file  (BtReview    *review,
                                  const char  *path,
                                  GError     **error);

G_END_DECLS
