/* bt-command.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "bt-command.h"
#include "bt-review-private.h"

typedef struct
{
  gboolean (*apply)  (BtCommand *self,
                      BtReview  *review);
  void     (*revert) (BtCommand *self,
                      BtReview  *review);
  void     (*clear)  (BtCommand *self);
} BtCommandClass;

struct _BtCommand
{
  const BtCommandClass *klass;
  const char           *label;
  char                 *owned_label; /* a group's, which the caller names */
};

/* @label is a translated string, which lives as long as the program. */
static gpointer
command_new (gsize                 size,
             const BtCommandClass *klass,
             const char           *label)
{
  BtCommand *self = g_malloc0 (size);

  self->klass = klass;
  self->label = label;
  return self;
}

gboolean
bt_command_apply (BtCommand *self,
                  BtReview  *review)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->klass->apply (self, review);
}

void
bt_command_revert (BtCommand *self,
                   BtReview  *review)
{
  g_return_if_fail (self != NULL);

  self->klass->revert (self, review);
}

const char *
bt_command_get_label (BtCommand *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->label;
}

void
bt_command_free (BtCommand *self)
{
  if (self == NULL)
    return;
  if (self->klass->clear != NULL)
    self->klass->clear (self);
  g_free (self->owned_label);
  g_free (self);
}

/* Links, omissions and additions: an item before and after, either of
 * which may be missing (added, removed). */

typedef struct
{
  BtCommand  parent;
  gboolean   has_before;
  gboolean   has_after;
  BtLink     before;
  BtLink     after;
} LinkCommand;

static void
link_put (BtReview     *review,
          const BtLink *key,
          gboolean      present,
          const BtLink *value)
{
  _bt_review_put_link (review, key->paragraph, key->sentence, present ? value : NULL);
}

static gboolean
link_apply (BtCommand *command,
            BtReview  *review)
{
  LinkCommand *self = (LinkCommand *) command;

  link_put (review, self->has_after ? &self->after : &self->before, self->has_after, &self->after);
  return TRUE;
}

static void
link_revert (BtCommand *command,
             BtReview  *review)
{
  LinkCommand *self = (LinkCommand *) command;

  link_put (review, self->has_before ? &self->before : &self->after, self->has_before,
            &self->before);
}

static void
link_clear (BtCommand *command)
{
  LinkCommand *self = (LinkCommand *) command;

  g_free (self->before.decision.by);
  g_free (self->after.decision.by);
}

static const BtCommandClass link_class = { link_apply, link_revert, link_clear };

static void
copy_link (BtLink       *dest,
           const BtLink *src)
{
  *dest = *src;
  dest->decision.by = g_strdup (src->decision.by);
}

BtCommand *
bt_command_new_link (const char   *label,
                     const BtLink *before,
                     const BtLink *after)
{
  LinkCommand *self;

  g_return_val_if_fail (before != NULL || after != NULL, NULL);

  self = command_new (sizeof *self, &link_class, label);

  if ((self->has_before = before != NULL))
    copy_link (&self->before, before);
  if ((self->has_after = after != NULL))
    copy_link (&self->after, after);
  return (BtCommand *) self;
}

typedef struct
{
  BtCommand  parent;
  gboolean   has_before;
  gboolean   has_after;
  BtOmission before;
  BtOmission after;
} OmissionCommand;

static gboolean
omission_apply (BtCommand *command,
                BtReview  *review)
{
  OmissionCommand *self = (OmissionCommand *) command;
  guint id = self->has_after ? self->after.id : self->before.id;

  _bt_review_put_omission (review, id, self->has_after ? &self->after : NULL);
  return TRUE;
}

static void
omission_revert (BtCommand *command,
                 BtReview  *review)
{
  OmissionCommand *self = (OmissionCommand *) command;
  guint id = self->has_before ? self->before.id : self->after.id;

  _bt_review_put_omission (review, id, self->has_before ? &self->before : NULL);
}

static void
omission_clear (BtCommand *command)
{
  OmissionCommand *self = (OmissionCommand *) command;

  g_free (self->before.comment);
  g_free (self->before.decision.by);
  g_free (self->after.comment);
  g_free (self->after.decision.by);
}

static const BtCommandClass omission_class = { omission_apply, omission_revert, omission_clear };

static void
copy_omission (BtOmission       *dest,
               const BtOmission *src)
{
  *dest = *src;
  dest->comment = g_strdup (src->comment);
  dest->decision.by = g_strdup (src->decision.by);
}

BtCommand *
bt_command_new_omission (const char       *label,
                         const BtOmission *before,
                         const BtOmission *after)
{
  OmissionCommand *self;

  g_return_val_if_fail (before != NULL || after != NULL, NULL);

  self = command_new (sizeof *self, &omission_class, label);

  if ((self->has_before = before != NULL))
    copy_omission (&self->before, before);
  if ((self->has_after = after != NULL))
    copy_omission (&self->after, after);
  return (BtCommand *) self;
}

typedef struct
{
  BtCommand  parent;
  gboolean   has_before;
  gboolean   has_after;
  BtAddition before;
  BtAddition after;
} AdditionCommand;

static gboolean
addition_apply (BtCommand *command,
                BtReview  *review)
{
  AdditionCommand *self = (AdditionCommand *) command;
  guint sentence = self->has_after ? self->after.sentence : self->before.sentence;

  _bt_review_put_addition (review, sentence, self->has_after ? &self->after : NULL);
  return TRUE;
}

static void
addition_revert (BtCommand *command,
                 BtReview  *review)
{
  AdditionCommand *self = (AdditionCommand *) command;
  guint sentence = self->has_before ? self->before.sentence : self->after.sentence;

  _bt_review_put_addition (review, sentence, self->has_before ? &self->before : NULL);
}

static void
addition_clear (BtCommand *command)
{
  AdditionCommand *self = (AdditionCommand *) command;

  g_free (self->before.decision.by);
  g_free (self->after.decision.by);
}

static const BtCommandClass addition_class = { addition_apply, addition_revert, addition_clear };

BtCommand *
bt_command_new_addition (const char       *label,
                         const BtAddition *before,
                         const BtAddition *after)
{
  AdditionCommand *self;

  g_return_val_if_fail (before != NULL || after != NULL, NULL);

  self = command_new (sizeof *self, &addition_class, label);

  if ((self->has_before = before != NULL))
    {
      self->before = *before;
      self->before.decision.by = g_strdup (before->decision.by);
    }
  if ((self->has_after = after != NULL))
    {
      self->after = *after;
      self->after.decision.by = g_strdup (after->decision.by);
    }
  return (BtCommand *) self;
}

/* Paragraph status, note and the threshold */

typedef struct
{
  BtCommand parent;
  guint     paragraph;
  BtStatus  before;
  BtStatus  after;
} StatusCommand;

static gboolean
status_apply (BtCommand *command,
              BtReview  *review)
{
  StatusCommand *self = (StatusCommand *) command;

  _bt_review_put_status (review, self->paragraph, self->after);
  return TRUE;
}

static void
status_revert (BtCommand *command,
               BtReview  *review)
{
  StatusCommand *self = (StatusCommand *) command;

  _bt_review_put_status (review, self->paragraph, self->before);
}

static const BtCommandClass status_class = { status_apply, status_revert, NULL };

BtCommand *
bt_command_new_status (guint    paragraph,
                       BtStatus before,
                       BtStatus after)
{
  StatusCommand *self = command_new (sizeof *self, &status_class, C_("undo", "Set Status"));

  self->paragraph = paragraph;
  self->before = before;
  self->after = after;
  return (BtCommand *) self;
}

typedef struct
{
  BtCommand parent;
  guint     paragraph;
  char     *before;
  char     *after;
} NoteCommand;

static gboolean
note_apply (BtCommand *command,
            BtReview  *review)
{
  NoteCommand *self = (NoteCommand *) command;

  _bt_review_put_note (review, self->paragraph, self->after);
  return TRUE;
}

static void
note_revert (BtCommand *command,
             BtReview  *review)
{
  NoteCommand *self = (NoteCommand *) command;

  _bt_review_put_note (review, self->paragraph, self->before);
}

static void
note_clear (BtCommand *command)
{
  NoteCommand *self = (NoteCommand *) command;

  g_free (self->before);
  g_free (self->after);
}

static const BtCommandClass note_class = { note_apply, note_revert, note_clear };

BtCommand *
bt_command_new_note (guint       paragraph,
                     const char *before,
                     const char *after)
{
  NoteCommand *self = command_new (sizeof *self, &note_class, C_("undo", "Edit Note"));

  self->paragraph = paragraph;
  self->before = g_strdup (before);
  self->after = g_strdup (after);
  return (BtCommand *) self;
}

typedef struct
{
  BtCommand parent;
  double    before;
  double    after;
} ThresholdCommand;

static gboolean
threshold_apply (BtCommand *command,
                 BtReview  *review)
{
  _bt_review_put_threshold (review, ((ThresholdCommand *) command)->after);
  return TRUE;
}

static void
threshold_revert (BtCommand *command,
                  BtReview  *review)
{
  _bt_review_put_threshold (review, ((ThresholdCommand *) command)->before);
}

static const BtCommandClass threshold_class = { threshold_apply, threshold_revert, NULL };

BtCommand *
bt_command_new_threshold (double before,
                          double after)
{
  ThresholdCommand *self =
      command_new (sizeof *self, &threshold_class, C_("undo", "Set Threshold"));

  self->before = before;
  self->after = after;
  return (BtCommand *) self;
}

/* Segmentation corrections keep the rows they took, to put them back. */

typedef struct
{
  BtCommand        parent;
  BtStructureEdit  edit;
  guint            index;
  guint            at_char;
  gboolean         cuts_sentence; /* a split inside a sentence, which the undo joins */
  guint            cut_sentence;
  guint            old_n_chars;   /* of the split paragraph, or the second merged one */
  BtAnnotations   *taken;
  GHashTable      *second_ids;    /* cut omission id -> its second part's */
} StructureCommand;

static gboolean
is_split (BtStructureEdit edit)
{
  return edit == BT_STRUCTURE_SPLIT_PARAGRAPH || edit == BT_STRUCTURE_SPLIT_SENTENCE;
}

static BtRows
structure_rows (BtStructureEdit edit)
{
  if (edit == BT_STRUCTURE_SPLIT_PARAGRAPH || edit == BT_STRUCTURE_MERGE_PARAGRAPHS)
    return BT_ROWS_PARAGRAPHS;
  return BT_ROWS_SENTENCES;
}

static void
find_cut_sentence (StructureCommand *self,
                   BtDocument       *source)
{
  const BtParagraph *paragraph = bt_document_get_paragraph (source, self->index);

  self->cuts_sentence = FALSE;
  for (guint k = 0; k < paragraph->n_sentences; k++)
    {
      const BtSentence *sentence = bt_document_get_sentence (source, paragraph->first_sentence + k);
      if (sentence->start < self->at_char && self->at_char < sentence->end)
        {
          self->cuts_sentence = TRUE;
          self->cut_sentence = paragraph->first_sentence + k;
        }
    }
}

static GArray *
sentence_spans (BtDocument        *document,
                const BtParagraph *paragraph)
{
  GArray *spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));

  for (guint k = 0; k < paragraph->n_sentences; k++)
    {
      const BtSentence *sentence = bt_document_get_sentence (document, paragraph->first_sentence + k);
      BtSpan span = { sentence->start, sentence->end };
      g_array_append_val (spans, span);
    }
  return spans;
}

static gboolean
append_copy (BtDocument        *trial,
             BtDocument        *source,
             const BtParagraph *paragraph)
{
  g_autoptr(GArray) spans = sentence_spans (source, paragraph);

  return bt_document_append_segmented (trial, paragraph->text, paragraph->line,
                                       (const BtSpan *) spans->data, spans->len, NULL);
}

static gboolean
same_paragraph (BtDocument *a,
                guint       index_a,
                BtDocument *b,
                guint       index_b)
{
  const BtParagraph *x = bt_document_get_paragraph (a, index_a);
  const BtParagraph *y = bt_document_get_paragraph (b, index_b);
  g_autoptr(GArray) x_spans = sentence_spans (a, x);
  g_autoptr(GArray) y_spans = sentence_spans (b, y);

  return strcmp (x->text, y->text) == 0 && x_spans->len == y_spans->len
         && memcmp (x_spans->data, y_spans->data, x_spans->len * sizeof (BtSpan)) == 0;
}

/* A correction whose undo would not give the paragraphs back (blanks
 * dropped at a cut, a space put between two Latin letters) is refused: it
 * is tried first, with its undo, on a copy of the paragraphs it touches. */
static gboolean
source_edit_is_reversible (StructureCommand *self,
                           BtDocument       *source)
{
  g_autoptr(BtDocument) trial = bt_document_new (bt_document_get_language (source));
  const BtParagraph *first = bt_document_get_paragraph (source, self->index);
  gboolean split = self->edit == BT_STRUCTURE_SPLIT_PARAGRAPH;
  gboolean done;

  if (!append_copy (trial, source, first)
      || (!split && !append_copy (trial, source, bt_document_get_paragraph (source, self->index + 1))))
    return FALSE;
  if (split)
    done = bt_document_split_paragraph (trial, 0, self->at_char)
           && bt_document_merge_paragraphs (trial, 0)
           && (!self->cuts_sentence
               || bt_document_merge_sentences (trial, self->cut_sentence - first->first_sentence));
  else
    done = bt_document_merge_paragraphs (trial, 0)
           && bt_document_split_paragraph (trial, 0, self->at_char);
  return done && same_paragraph (source, self->index, trial, 0)
         && (split || same_paragraph (source, self->index + 1, trial, 1));
}

static gboolean
correct_source (StructureCommand *self,
                BtDocument       *source)
{
  guint n_paragraphs = bt_document_get_n_paragraphs (source);

  if (self->edit == BT_STRUCTURE_SPLIT_PARAGRAPH)
    {
      if (self->index >= n_paragraphs)
        return FALSE;
      self->old_n_chars = bt_document_get_paragraph (source, self->index)->n_chars;
      find_cut_sentence (self, source);
      return source_edit_is_reversible (self, source)
             && bt_document_split_paragraph (source, self->index, self->at_char);
    }
  if (self->index + 1 >= n_paragraphs)
    return FALSE;
  self->old_n_chars = bt_document_get_paragraph (source, self->index + 1)->n_chars;
  return source_edit_is_reversible (self, source)
         && bt_document_merge_paragraphs (source, self->index);
}

static gboolean
correct_documents (StructureCommand *self,
                   BtReview         *review)
{
  BtDocument *target = bt_review_get_target (review);

  switch (self->edit)
    {
    case BT_STRUCTURE_SPLIT_PARAGRAPH:
    case BT_STRUCTURE_MERGE_PARAGRAPHS:
      return correct_source (self, bt_review_get_source (review));
    case BT_STRUCTURE_SPLIT_SENTENCE:
      return bt_document_split_sentence (target, self->index, self->at_char);
    case BT_STRUCTURE_MERGE_SENTENCES:
      return bt_document_merge_sentences (target, self->index);
    default:
      g_assert_not_reached ();
    }
}

static void
fill_rows (StructureCommand *self,
           BtReview         *review)
{
  switch (self->edit)
    {
    case BT_STRUCTURE_SPLIT_PARAGRAPH:
      _bt_review_split_paragraph_rows (review, self->index, self->taken, self->old_n_chars,
                                       self->second_ids);
      break;
    case BT_STRUCTURE_MERGE_PARAGRAPHS:
      _bt_review_merge_paragraph_rows (review, self->index, self->taken, self->old_n_chars);
      break;
    case BT_STRUCTURE_SPLIT_SENTENCE:
      _bt_review_split_sentence_rows (review, self->index, self->taken);
      break;
    case BT_STRUCTURE_MERGE_SENTENCES:
      _bt_review_merge_sentence_rows (review, self->index, self->taken);
      break;
    default:
      g_assert_not_reached ();
    }
}

static gboolean
structure_apply (BtCommand *command,
                 BtReview  *review)
{
  StructureCommand *self = (StructureCommand *) command;
  BtRows rows = structure_rows (self->edit);
  guint n_before = is_split (self->edit) ? 1 : 2;
  guint n_after = 3 - n_before;

  if (!correct_documents (self, review))
    return FALSE;
  g_clear_pointer (&self->taken, _bt_annotations_free);
  self->taken = _bt_review_take_rows (review, rows, self->index, n_before);
  _bt_review_shift_rows (review, rows, self->index + n_before, (int) n_after - (int) n_before);
  fill_rows (self, review);
  _bt_review_emit_structure_changed (review);
  return TRUE;
}

static void
undo_documents (StructureCommand *self,
                BtReview         *review)
{
  BtDocument *source = bt_review_get_source (review);
  BtDocument *target = bt_review_get_target (review);
  gboolean done = FALSE;

  switch (self->edit)
    {
    case BT_STRUCTURE_SPLIT_PARAGRAPH:
      done = bt_document_merge_paragraphs (source, self->index);
      if (done && self->cuts_sentence)
        done = bt_document_merge_sentences (source, self->cut_sentence);
      break;
    case BT_STRUCTURE_MERGE_PARAGRAPHS:
      done = bt_document_split_paragraph (source, self->index, self->at_char);
      break;
    case BT_STRUCTURE_SPLIT_SENTENCE:
      done = bt_document_merge_sentences (target, self->index);
      break;
    case BT_STRUCTURE_MERGE_SENTENCES:
      done = bt_document_split_sentence (target, self->index, self->at_char);
      break;
    default:
      g_assert_not_reached ();
    }
  g_assert (done);
}

static void
structure_revert (BtCommand *command,
                  BtReview  *review)
{
  StructureCommand *self = (StructureCommand *) command;
  BtRows rows = structure_rows (self->edit);
  guint n_before = is_split (self->edit) ? 1 : 2;
  guint n_after = 3 - n_before;

  undo_documents (self, review);
  _bt_review_drop_rows (review, rows, self->index, n_after);
  _bt_review_shift_rows (review, rows, self->index + n_after, (int) n_before - (int) n_after);
  _bt_review_put_rows (review, self->taken, self->index);
  _bt_review_emit_structure_changed (review);
}

static void
structure_clear (BtCommand *command)
{
  StructureCommand *self = (StructureCommand *) command;

  g_clear_pointer (&self->taken, _bt_annotations_free);
  g_clear_pointer (&self->second_ids, g_hash_table_unref);
}

static const BtCommandClass structure_class = { structure_apply, structure_revert,
                                                structure_clear };

static const char *
structure_label (BtStructureEdit edit)
{
  switch (edit)
    {
    case BT_STRUCTURE_SPLIT_PARAGRAPH:
      return C_("undo", "Split Paragraph");
    case BT_STRUCTURE_MERGE_PARAGRAPHS:
      return C_("undo", "Merge Paragraphs");
    case BT_STRUCTURE_SPLIT_SENTENCE:
      return C_("undo", "Split Sentence");
    case BT_STRUCTURE_MERGE_SENTENCES:
      return C_("undo", "Merge Sentences");
    default:
      g_assert_not_reached ();
    }
}

/* For merges, @at_char is where the undo splits again: the code points of
 * the first paragraph, or where the first sentence ends in its paragraph. */
BtCommand *
bt_command_new_structure (BtStructureEdit edit,
                          guint           index,
                          guint           at_char)
{
  StructureCommand *self = command_new (sizeof *self, &structure_class, structure_label (edit));

  self->edit = edit;
  self->index = index;
  self->at_char = at_char;
  self->second_ids = g_hash_table_new (NULL, NULL);
  return (BtCommand *) self;
}

/* Groups: one step made of several */

typedef struct
{
  BtCommand  parent;
  GPtrArray *children;
} GroupCommand;

static gboolean
group_apply (BtCommand *command,
             BtReview  *review)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = 0; i < self->children->len; i++)
    if (!bt_command_apply (g_ptr_array_index (self->children, i), review))
      g_assert_not_reached ();
  return TRUE;
}

static void
group_revert (BtCommand *command,
              BtReview  *review)
{
  GroupCommand *self = (GroupCommand *) command;

  for (guint i = self->children->len; i > 0; i--)
    bt_command_revert (g_ptr_array_index (self->children, i - 1), review);
}

static void
group_clear (BtCommand *command)
{
  g_ptr_array_unref (((GroupCommand *) command)->children);
}

static const BtCommandClass group_class = { group_apply, group_revert, group_clear };

BtCommand *
bt_command_new_group (const char *label)
{
  GroupCommand *self = command_new (sizeof *self, &group_class, NULL);

  self->parent.owned_label = g_strdup (label);
  self->parent.label = self->parent.owned_label;

  self->children = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_command_free);
  return (BtCommand *) self;
}

void
bt_command_group_add (BtCommand *group,
                      BtCommand *child)
{
  g_return_if_fail (group != NULL && group->klass == &group_class);

  g_ptr_array_add (((GroupCommand *) group)->children, child);
}

guint
bt_command_group_get_size (BtCommand *group)
{
  g_return_val_if_fail (group != NULL && group->klass == &group_class, 0);

  return ((GroupCommand *) group)->children->len;
}
