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

/* Everything on top of the documents, for segmentation corrections that
 * keep the state before and after to undo and redo exactly. */
typedef struct _BtAnnotations BtAnnotations;

BtAnnotations *_bt_review_save_annotations     (BtReview         *self);
void      _bt_review_restore_annotations       (BtReview         *self,
                                                const BtAnnotations *annotations);
void      _bt_annotations_free                 (BtAnnotations    *annotations);

/* Remap the annotations once the document has changed; the old_* counts
 * are the code points the paragraphs had before it did. */
void      _bt_review_remap_split_paragraph     (BtReview         *self,
                                                guint             paragraph,
                                                guint             old_n_chars);
void      _bt_review_remap_merge_paragraphs    (BtReview         *self,
                                                guint             paragraph,
                                                guint             old_first_n_chars,
                                                guint             old_second_n_chars);
void      _bt_review_remap_split_sentence      (BtReview         *self,
                                                guint             sentence);
void      _bt_review_remap_merge_sentences     (BtReview         *self,
                                                guint             sentence);
void      _bt_review_emit_structure_changed    (BtReview         *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtAnnotations, _bt_annotations_free)

G_END_DECLS
