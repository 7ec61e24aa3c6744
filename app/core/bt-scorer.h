/* bt-scorer.h: how close an alignment comes to a gold one
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "bt-review.h"

G_BEGIN_DECLS

typedef struct
{
  guint  n_predicted;
  guint  n_gold;
  guint  n_correct;  /* predicted items found in the gold (precision) */
  guint  n_found;    /* gold items found in the prediction (recall) */
  double precision;
  double recall;
  double f1;
} BtScore;

typedef struct
{
  BtScore links;            /* source paragraph - target sentence pairs */
  BtScore whole_omissions;  /* paragraphs omitted from start to end */
  double  omitted_f1;       /* per source character, class omitted */
  double  rendered_f1;      /* class rendered */
  double  char_macro_f1;    /* mean of the two */
} BtReviewScores;

/* A group of the line-level evaluation: source and target unit indices,
 * each sorted ascending; one side may be empty. */
typedef struct
{
  GArray *source; /* guint */
  GArray *target; /* guint */
} BtAlignGroup;

/* Compares what is not rejected in @predicted with @gold (same documents). */
void       bt_scorer_compare_reviews   (BtReview             *gold,
                                        BtReview             *predicted,
                                        BtReviewScores       *scores);

/* Connected components of the links, and every unit without a link as a
 * group of its own with an empty other side; for --units lines. */
GPtrArray *bt_scorer_groups_from_review (BtReview            *review);
BtAlignGroup *bt_align_group_new        (const guint         *source,
                                         guint                n_source,
                                         const guint         *target,
                                         guint                n_target);
void       bt_align_group_free          (BtAlignGroup        *group);
/* Strict: the group exactly as in the gold. Lax: it shares a source unit
 * and a target unit with the gold links. Precision runs over every
 * predicted group, deletions included; recall over the gold groups with
 * both sides non-empty, against the predicted ones that have both. */
void       bt_scorer_compare_groups     (GPtrArray           *gold,
                                         GPtrArray           *predicted,
                                         BtScore             *strict,
                                         BtScore             *lax);

/* Fills precision, recall and f1 from the counts; 1 when there was
 * nothing to find and nothing was found. */
void       bt_score_finish              (BtScore             *score);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtAlignGroup, bt_align_group_free)

G_END_DECLS
