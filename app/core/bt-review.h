/* bt-review.h: two documents, the links between them, the omissions, and
 * the undo stack every edit goes through
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "bt-document.h"

G_BEGIN_DECLS

typedef enum
{
  BT_ORIGIN_AUTO,
  BT_ORIGIN_REVIEWER,
} BtOrigin;

typedef enum
{
  BT_STATE_SUGGESTED,
  BT_STATE_ACCEPTED,
  BT_STATE_REJECTED,
} BtState;

typedef enum
{
  BT_STATUS_UNREVIEWED,
  BT_STATUS_REVIEWED,
  BT_STATUS_NEEDS_ATTENTION,
} BtStatus;

typedef enum
{
  BT_CATEGORY_CONDENSATION,
  BT_CATEGORY_SUBSTANTIVE,
  BT_CATEGORY_DETAIL,
  BT_CATEGORY_ATTRIBUTION,
  BT_CATEGORY_OTHER,
  BT_N_CATEGORIES
} BtCategory;

typedef enum
{
  BT_SEVERITY_NEUTRAL,
  BT_SEVERITY_MINOR,
  BT_SEVERITY_MAJOR,
  BT_SEVERITY_CRITICAL,
  BT_N_SEVERITIES
} BtSeverity;

typedef enum
{
  BT_COVERAGE_UNDECIDED,
  BT_COVERAGE_RENDERED,
  BT_COVERAGE_OMITTED,
} BtCoverage;

/* Who decided an item and when; empty until accepted or rejected. */
typedef struct
{
  char   *by;  /* reviewer name, or NULL */
  gint64  at;  /* Unix time in seconds, UTC; 0 if never */
} BtDecision;

typedef struct
{
  guint      paragraph;  /* source paragraph index */
  guint      sentence;   /* target sentence index */
  BtOrigin   origin;
  double     confidence; /* [0, 1]; 1 for the reviewer's own */
  BtState    state;
  BtDecision decision;
} BtLink;

typedef struct
{
  guint      id;         /* stable for the life of the review */
  guint      paragraph;
  guint      start;      /* code points, [start, end) */
  guint      end;
  BtCategory category;
  BtSeverity severity;
  char      *comment;    /* never NULL */
  BtOrigin   origin;
  double     confidence;
  BtState    state;
  BtDecision decision;
} BtOmission;

typedef struct
{
  guint      sentence;   /* target sentence index */
  BtOrigin   origin;
  double     confidence;
  BtState    state;
  BtDecision decision;
} BtAddition;

typedef struct
{
  guint   n_paragraphs;
  guint   n_reviewed;
  guint   n_needs_attention;
  guint64 n_chars;
  guint64 n_rendered;
  guint64 n_omitted;
  guint64 n_undecided;
  guint   n_links;        /* not rejected */
  guint   n_suggestions;  /* links, omissions and additions still suggested */
  guint   n_additions;    /* not rejected */
  guint   n_omissions;    /* not rejected */
  guint   omissions_by_category[BT_N_CATEGORIES];
  guint   omissions_by_severity[BT_N_SEVERITIES];
  double  score;          /* severity weights 0/1/5/10 per 1,000 source characters */
  double  threshold;
  gboolean pass;          /* score <= threshold */
} BtFigures;

/* Coverage and figures. A code point is OMITTED inside an omission that is
 * not rejected, else RENDERED when its paragraph has a link that is not
 * rejected, else UNDECIDED. The score follows MQM: the sum of the severity
 * weights (0/1/5/10) of the omissions that are not rejected, whatever their
 * length, divided by the source's code points / 1,000; 0 for an empty
 * source. A new review's threshold is 5. */

#define BT_TYPE_REVIEW (bt_review_get_type ())
G_DECLARE_FINAL_TYPE (BtReview, bt_review, BT, REVIEW, GObject)

BtReview          *bt_review_new                    (BtDocument        *source,
                                                     BtDocument        *target);
BtDocument        *bt_review_get_source             (BtReview          *self);
BtDocument        *bt_review_get_target             (BtReview          *self);

/* The name written into decisions made from now on; when it is unset,
 * decisions carry the user's real name or login. An item's decision is
 * taken when its state becomes accepted or rejected, and cleared when it
 * goes back to suggested. */
const char        *bt_review_get_reviewer           (BtReview          *self);
void               bt_review_set_reviewer           (BtReview          *self,
                                                     const char        *reviewer);

/* Links, in no particular order; pointers stay valid until the next change. */
guint              bt_review_get_n_links            (BtReview          *self);
const BtLink      *bt_review_get_link               (BtReview          *self,
                                                     guint              index);
/* NULL if there is none (rejected links are found too). */
const BtLink      *bt_review_find_link              (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              sentence);
/* Indices into the links, cheap: kept up to date on every change. */
const guint       *bt_review_get_paragraph_links    (BtReview          *self,
                                                     guint              paragraph,
                                                     guint             *n_links);
const guint       *bt_review_get_sentence_links     (BtReview          *self,
                                                     guint              sentence,
                                                     guint             *n_links);

guint              bt_review_get_n_omissions        (BtReview          *self);
const BtOmission  *bt_review_get_omission           (BtReview          *self,
                                                     guint              index);
const BtOmission  *bt_review_find_omission          (BtReview          *self,
                                                     guint              id);
/* Indices into the omissions of one paragraph, in order of start. */
GArray            *bt_review_list_paragraph_omissions (BtReview        *self,
                                                       guint            paragraph);

guint              bt_review_get_n_additions        (BtReview          *self);
const BtAddition  *bt_review_get_addition           (BtReview          *self,
                                                     guint              index);
const BtAddition  *bt_review_find_addition          (BtReview          *self,
                                                     guint              sentence);

BtStatus           bt_review_get_status             (BtReview          *self,
                                                     guint              paragraph);
/* Never NULL: "" when the paragraph has none. */
const char        *bt_review_get_note               (BtReview          *self,
                                                     guint              paragraph);

/* One BtCoverage per code point of the paragraph (a guint8 array). */
GByteArray        *bt_review_get_coverage           (BtReview          *self,
                                                     guint              paragraph);
void               bt_review_get_figures            (BtReview          *self,
                                                     BtFigures         *figures);
double             bt_review_get_threshold          (BtReview          *self);

/* Edits. Each is one command on the undo stack; they return FALSE and do
 * nothing when the edit would change nothing or is out of range. */
gboolean           bt_review_add_link               (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              sentence,
                                                     BtOrigin           origin,
                                                     double             confidence,
                                                     BtState            state);
gboolean           bt_review_remove_link            (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              sentence);
/* Adds an accepted reviewer link, or removes the link there is. */
gboolean           bt_review_toggle_link            (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              sentence);
gboolean           bt_review_set_link_state         (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              sentence,
                                                     BtState            state);
/* Returns the new omission's id, 0 on failure. */
guint              bt_review_add_omission           (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              start,
                                                     guint              end,
                                                     BtCategory         category,
                                                     BtSeverity         severity,
                                                     const char        *comment,
                                                     BtOrigin           origin,
                                                     double             confidence,
                                                     BtState            state);
gboolean           bt_review_remove_omission        (BtReview          *self,
                                                     guint              id);
gboolean           bt_review_update_omission        (BtReview          *self,
                                                     guint              id,
                                                     BtCategory         category,
                                                     BtSeverity         severity,
                                                     const char        *comment);
gboolean           bt_review_set_omission_state     (BtReview          *self,
                                                     guint              id,
                                                     BtState            state);
gboolean           bt_review_add_addition           (BtReview          *self,
                                                     guint              sentence,
                                                     BtOrigin           origin,
                                                     double             confidence,
                                                     BtState            state);
gboolean           bt_review_remove_addition        (BtReview          *self,
                                                     guint              sentence);
gboolean           bt_review_set_addition_state     (BtReview          *self,
                                                     guint              sentence,
                                                     BtState            state);
gboolean           bt_review_set_status             (BtReview          *self,
                                                     guint              paragraph,
                                                     BtStatus           status);
gboolean           bt_review_set_note               (BtReview          *self,
                                                     guint              paragraph,
                                                     const char        *note);
gboolean           bt_review_set_threshold          (BtReview          *self,
                                                     double             threshold);
/* Accepts (or rejects) every suggestion of a paragraph as one step. */
gboolean           bt_review_decide_paragraph       (BtReview          *self,
                                                     guint              paragraph,
                                                     BtState            state);
/* Segmentation corrections. A split paragraph's links and status go to
 * both parts, its note stays with the first, and an omission across the
 * cut becomes two (the second with a new id). A merge joins links (the
 * first paragraph's win where both link one sentence), moves omissions,
 * joins notes with a line break and keeps needs-attention if either had
 * it, reviewed if both had it. Sentences likewise share links and
 * additions. A sentence's @at_char counts code points in its paragraph.
 * A paragraph split or merge that its undo would not take back exactly
 * (a blank at the cut, a cut between two Latin letters or digits) is
 * refused. */
gboolean           bt_review_split_paragraph        (BtReview          *self,
                                                     guint              paragraph,
                                                     guint              at_char);
gboolean           bt_review_merge_paragraphs       (BtReview          *self,
                                                     guint              paragraph);
gboolean           bt_review_split_sentence         (BtReview          *self,
                                                     guint              sentence,
                                                     guint              at_char);
gboolean           bt_review_merge_sentences        (BtReview          *self,
                                                     guint              sentence);

/* Edits between begin and end form one undo step with @label. */
void               bt_review_begin_group            (BtReview          *self,
                                                     const char        *label);
void               bt_review_end_group              (BtReview          *self);

gboolean           bt_review_can_undo               (BtReview          *self);
gboolean           bt_review_can_redo               (BtReview          *self);
/* Translated label of the step undo (or redo) would take back; NULL if none. */
const char        *bt_review_get_undo_label         (BtReview          *self);
const char        *bt_review_get_redo_label         (BtReview          *self);
gboolean           bt_review_undo                   (BtReview          *self);
gboolean           bt_review_redo                   (BtReview          *self);
/* Forgets the undo history (after loading). */
void               bt_review_clear_history          (BtReview          *self);

/* TRUE when the review differs from the last call to mark_saved. */
gboolean           bt_review_get_modified           (BtReview          *self);
void               bt_review_mark_saved             (BtReview          *self);

/* Deep copy of everything but the undo history, for writers in threads. */
BtReview          *bt_review_copy                   (BtReview          *self);
/* Field-by-field comparison, history excepted; for tests. Links, omissions
 * and additions are compared as sets; omission ids, the paragraphs' line
 * numbers and the documents' names are not compared, since a saved review
 * numbers omissions afresh; confidences and the threshold match to 1e-9. */
gboolean           bt_review_equal                  (BtReview          *a,
                                                     BtReview          *b);

const char        *bt_state_to_string               (BtState            state);
gboolean           bt_state_from_string             (const char        *string,
                                                     BtState           *state);
const char        *bt_origin_to_string              (BtOrigin           origin);
gboolean           bt_origin_from_string            (const char        *string,
                                                     BtOrigin          *origin);
const char        *bt_status_to_string              (BtStatus           status);
gboolean           bt_status_from_string            (const char        *string,
                                                     BtStatus          *status);
const char        *bt_category_to_string            (BtCategory         category);
gboolean           bt_category_from_string          (const char        *string,
                                                     BtCategory        *category);
const char        *bt_severity_to_string            (BtSeverity         severity);
gboolean           bt_severity_from_string          (const char        *string,
                                                     BtSeverity        *severity);
/* 0/1/5/10 for the score; 0/25/60/90 for ITS. */
guint              bt_severity_get_weight           (BtSeverity         severity);
guint              bt_severity_get_its_value        (BtSeverity         severity);

G_END_DECLS

/* Signals:
 *   "paragraph-changed" (guint paragraph): its links, omissions, status or note
 *   "sentence-changed"  (guint sentence):  its links or addition
 *   "structure-changed" ():                paragraphs or sentences were split
 *                                          or merged; views rebuild
 *   "changed"           ():                after every change, once
 * Properties: "can-undo", "can-redo", "modified" (read-only, notified). */
