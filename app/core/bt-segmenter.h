/* bt-segmenter.h: sentences and clauses of a paragraph
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-progress.h"
#include "bt-types.h"

G_BEGIN_DECLS

/* Both return a GArray of BtSpan in code points covering @text in order;
 * whitespace between sentences belongs to the sentence before it. */
GArray  *bt_segment_sentences   (const char *text,
                                 BtLanguage  language);
/* The same into @spans, which it empties first: for many paragraphs. */
void     bt_segment_sentences_into (const char *text,
                                    BtLanguage  language,
                                    GArray     *spans);
/* The same for a text of many megabytes: reports to @progress as it goes
 * through @text, and stops within it with G_IO_ERROR_CANCELLED, @spans
 * emptied, when @cancellable is cancelled. */
gboolean bt_segment_sentences_full (const char        *text,
                                    BtLanguage         language,
                                    GArray            *spans,
                                    const BtProgress  *progress,
                                    GCancellable      *cancellable,
                                    GError           **error);
/* Clauses of a Chinese sentence or paragraph: breaks after ；，、：and the
 * sentence ends. */
GArray  *bt_segment_clauses     (const char *text);

/* Share of Han characters among the letters of @text, in [0, 1]. */
double   bt_han_share           (const char *text,
                                 gssize      length);
BtLanguage bt_language_guess    (const char *text,
                                 gssize      length);

G_END_DECLS
