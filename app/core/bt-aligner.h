/* bt-aligner.h: automatic pre-alignment of a source and a target document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-dictionary.h"
#include "bt-document.h"
#include "bt-review.h"

G_BEGIN_DECLS

/* The evidence a link can rest on; also used to switch signals off. */
typedef enum
{
  BT_SIGNAL_DICTIONARY = 1 << 0,
  BT_SIGNAL_NAMES      = 1 << 1,
  BT_SIGNAL_NUMBERS    = 1 << 2,
  BT_SIGNAL_LATIN      = 1 << 3,
  BT_SIGNAL_LENGTH     = 1 << 4,
  BT_SIGNAL_POSITION   = 1 << 5,
} BtSignal;

#define BT_SIGNAL_ALL (BT_SIGNAL_DICTIONARY | BT_SIGNAL_NAMES | BT_SIGNAL_NUMBERS | \
                       BT_SIGNAL_LATIN | BT_SIGNAL_LENGTH | BT_SIGNAL_POSITION)
#define BT_N_SIGNALS 6

typedef enum
{
  BT_ALIGN_UNITS_PARAGRAPHS, /* source paragraphs against target sentences */
  BT_ALIGN_UNITS_LINES,      /* one unit a paragraph on each side, in order */
} BtAlignUnits;

typedef enum
{
  BT_ALIGNMENT_NO_DICTIONARY = 1 << 0, /* aligned without a dictionary: weaker */
} BtAlignmentFlags;

typedef struct
{
  guint    paragraph;
  guint    sentence;
  double   confidence;
  double   score;      /* raw, before calibration */
  BtSignal signals;    /* what made it */
} BtAlignLink;

typedef struct
{
  guint  paragraph;
  guint  start;        /* code points, [start, end) */
  guint  end;
  double confidence;
  double score;        /* raw, before calibration */
} BtAlignOmission;

typedef struct
{
  guint  sentence;
  double confidence;
} BtAlignAddition;

typedef struct _BtAlignment BtAlignment;

#define BT_TYPE_ALIGNER (bt_aligner_get_type ())
G_DECLARE_FINAL_TYPE (BtAligner, bt_aligner, BT, ALIGNER, GObject)

/* @dictionary: NULL to align without one. */
BtAligner             *bt_aligner_new                (BtDictionary     *dictionary);
void                   bt_aligner_set_units          (BtAligner        *self,
                                                      BtAlignUnits      units);
BtAlignUnits           bt_aligner_get_units          (BtAligner        *self);
/* Signals left out, for ablation; none by default. */
void                   bt_aligner_set_disabled       (BtAligner        *self,
                                                      BtSignal          signals);
BtSignal               bt_aligner_get_disabled       (BtAligner        *self);
/* Reads the documents only; safe in a thread while nobody changes them. */
BtAlignment           *bt_aligner_run                (BtAligner        *self,
                                                      BtDocument       *source,
                                                      BtDocument       *target,
                                                      GCancellable     *cancellable,
                                                      GError          **error);

void                   bt_alignment_free             (BtAlignment      *self);
BtAlignmentFlags       bt_alignment_get_flags        (BtAlignment      *self);
const BtAlignLink     *bt_alignment_get_links        (BtAlignment      *self,
                                                      guint            *n_links);
const BtAlignOmission *bt_alignment_get_omissions    (BtAlignment      *self,
                                                      guint            *n_omissions);
const BtAlignAddition *bt_alignment_get_additions    (BtAlignment      *self,
                                                      guint            *n_additions);
/* The ratio of source to target characters fitted on the anchored pairs. */
double                 bt_alignment_get_length_ratio (BtAlignment      *self);
/* Adds every result to @review as suggestions, in one undo step. */
void                   bt_alignment_apply            (BtAlignment      *self,
                                                      BtReview         *review);

/* "dictionary", "names", "numbers", "latin", "length", "position". */
const char            *bt_signal_to_string           (BtSignal          signal);
gboolean               bt_signal_from_string         (const char       *string,
                                                      BtSignal         *signal);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtAlignment, bt_alignment_free)

G_END_DECLS
