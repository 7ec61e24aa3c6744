/* bt-review-private.h: what the review's commands and file readers reach
 * below the public edits
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "bt-review.h"

G_BEGIN_DECLS

/* Readers of saved reviews: these change the review without a command, so
 * call them only while building a review, before bt_review_clear_history. */
gboolean  _bt_review_restore_link_decision     (BtReview         *self,
                                                guint             paragraph,
                                                guint             sentence,
                                                const char       *by,
                                                gint64            at);
gboolean  _bt_review_restore_omission_decision (BtReview         *self,
                                                guint             id,
                                                const char       *by,
                                                gint64            at);
gboolean  _bt_review_restore_addition_decision (BtReview         *self,
                                                guint             sentence,
                                                const char       *by,
                                                gint64            at);

/* Decisions made from now on carry @at instead of the real time; 0 goes
 * back to the real clock. Tests use it to compare reviews exactly. */
void      _bt_review_set_clock                 (BtReview         *self,
                                                gint64            at);
gint64    _bt_review_now                       (BtReview         *self);
/* The reviewer's name, or the user's when none is set. */
const char *_bt_review_get_decider             (BtReview         *self);

/* While @drop is TRUE, edits apply but leave no history to undo, as if
 * it were cleared after each: building a large review that will not be
 * undone (the command line) then keeps no command per item. Turning it on
 * clears the history; call it with no group open. */
void      _bt_review_set_drop_history          (BtReview         *self,
                                                gboolean          drop);

/* The primitives commands are made of. Each sets one item to @value, or
 * removes it when @value is NULL, and says which rows changed. */
void      _bt_review_put_link                  (BtReview         *self,
                                                guint             paragraph,
                                                guint             sentence,
                                                const BtLink     *value);
void      _bt_review_put_omission              (BtReview         *self,
                                                guint             id,
                                                const BtOmission *value);
void      _bt_review_put_addition              (BtReview         *self,
                                                guint             sentence,
                                                const BtAddition *value);
void      _bt_review_put_status                (BtReview         *self,
                                                guint             paragraph,
                                                BtStatus          status);
void      _bt_review_put_note                  (BtReview         *self,
                                                guint             paragraph,
                                                const char       *note);
void      _bt_review_put_threshold             (BtReview         *self,
                                                double            threshold);
guint     _bt_review_take_omission_id          (BtReview         *self);

/* Segmentation corrections work on rows: the annotations of some source
 * paragraphs (links, omissions, status, note) or of some target sentences
 * (links, addition). */
typedef struct _BtAnnotations BtAnnotations;

typedef enum
{
  BT_ROWS_PARAGRAPHS,
  BT_ROWS_SENTENCES,
} BtRows;

/* Takes the items of rows [@first, @first + @n) out of the review; for
 * paragraphs, their statuses and notes are copied too. */
BtAnnotations *_bt_review_take_rows            (BtReview         *self,
                                                BtRows            rows,
                                                guint             first,
                                                guint             n);
void      _bt_review_drop_rows                 (BtReview         *self,
                                                BtRows            rows,
                                                guint             first,
                                                guint             n);
/* Rows from @from on move by @delta (+1 or -1). */
void      _bt_review_shift_rows                (BtReview         *self,
                                                BtRows            rows,
                                                guint             from,
                                                int               delta);
/* Puts taken rows back where they were. */
void      _bt_review_put_rows                  (BtReview         *self,
                                                const BtAnnotations *taken,
                                                guint             first);
void      _bt_annotations_free                 (BtAnnotations    *annotations);

/* Fill the rows a correction made from the rows it took; the documents
 * are already corrected and the other rows shifted. @old_n_chars counts
 * the code points the split paragraph had; @old_second_n_chars those of
 * the second merged one. @second_ids maps a cut omission's id to the id of
 * its second part, so that a redo gives the same ids. */
void      _bt_review_split_paragraph_rows      (BtReview         *self,
                                                guint             paragraph,
                                                const BtAnnotations *old,
                                                guint             old_n_chars,
                                                GHashTable       *second_ids);
void      _bt_review_merge_paragraph_rows      (BtReview         *self,
                                                guint             paragraph,
                                                const BtAnnotations *old,
                                                guint             old_second_n_chars);
void      _bt_review_split_sentence_rows       (BtReview         *self,
                                                guint             sentence,
                                                const BtAnnotations *old);
void      _bt_review_merge_sentence_rows       (BtReview         *self,
                                                guint             sentence,
                                                const BtAnnotations *old);
void      _bt_review_emit_structure_changed    (BtReview         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtAnnotations, _bt_annotations_free)

G_END_DECLS
