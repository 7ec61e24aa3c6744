/* bt-bilingual.h: one file holding both languages, split in two
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-document.h"

G_BEGIN_DECLS

/* Paragraphs whose letters are mostly Han go to @source, the others to
 * @target, in order. Fails when either side would be empty. */
gboolean bt_bilingual_split (BtText           *text,
                             BtParagraphMode   mode,
                             BtDocument      **source,
                             BtDocument      **target,
                             GError          **error);
/* The same, reporting to @progress (nullable); FALSE with
 * G_IO_ERROR_CANCELLED soon after @cancellable is cancelled. */
gboolean bt_bilingual_split_full (BtText            *text,
                                  BtParagraphMode    mode,
                                  const BtProgress  *progress,
                                  GCancellable      *cancellable,
                                  BtDocument       **source,
                                  BtDocument       **target,
                                  GError           **error);

G_END_DECLS
