/* bt-review.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "bt-command.h"
#include "bt-review-private.h"

#define NONE G_MAXUINT
#define DEFAULT_THRESHOLD 5.0

struct _BtAnnotations
{
  GArray    *links;     /* BtLink */
  GArray    *omissions; /* BtOmission */
  GArray    *additions; /* BtAddition */
  GArray    *statuses;  /* guint8 BtStatus per paragraph, short when the rest are unreviewed */
  GPtrArray *notes;     /* char * per paragraph, NULL when empty */
};

struct _BtReview
{
  GObject        parent_instance;

  /* documents */
  BtDocument    *source;
  BtDocument    *target;

  /* annotations and their indices */
  BtAnnotations  data;
  GArray        *paragraph_links;     /* Bucket of link indices per paragraph */
  GArray        *sentence_links;      /* Bucket of link indices per sentence */
  GArray        *paragraph_omissions; /* Bucket of omission indices per paragraph */
  GHashTable    *omission_index;      /* id -> index + 1 */
  GArray        *sentence_addition;   /* addition index + 1 per sentence */
  double         threshold;
  guint          next_omission_id;

  /* decisions */
  char          *reviewer;
  gint64         clock;

  /* history */
  GPtrArray     *undo_stack;
  GPtrArray     *redo_stack;
  GPtrArray     *groups;              /* open groups, innermost last */
  int            saved_depth;         /* undo depth at the last save; -1 if unreachable */
  gboolean       drop_history;        /* commands apply but are not kept */
  gboolean       dropped_in_group;    /* one was, in the groups open */
  gboolean       can_undo;
  gboolean       can_redo;
  gboolean       modified;
};

G_DEFINE_FINAL_TYPE (BtReview, bt_review, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

enum
{
  PARAGRAPH_CHANGED,
  SENTENCE_CHANGED,
  STRUCTURE_CHANGED,
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Annotations */

static void
clear_link (gpointer data)
{
  g_free (((BtLink *) data)->decision.by);
}

static void
clear_omission (gpointer data)
{
  BtOmission *omission = data;

  g_free (omission->comment);
  g_free (omission->decision.by);
}

static void
clear_addition (gpointer data)
{
  g_free (((BtAddition *) data)->decision.by);
}

static void
annotations_init (BtAnnotations *self)
{
  self->links = g_array_new (FALSE, FALSE, sizeof (BtLink));
  g_array_set_clear_func (self->links, clear_link);
  self->omissions = g_array_new (FALSE, FALSE, sizeof (BtOmission));
  g_array_set_clear_func (self->omissions, clear_omission);
  self->additions = g_array_new (FALSE, FALSE, sizeof (BtAddition));
  g_array_set_clear_func (self->additions, clear_addition);
  self->statuses = g_array_new (FALSE, TRUE, sizeof (guint8));
  self->notes = g_ptr_array_new_with_free_func (g_free);
}

static void
annotations_clear (BtAnnotations *self)
{
  g_clear_pointer (&self->links, g_array_unref);
  g_clear_pointer (&self->omissions, g_array_unref);
  g_clear_pointer (&self->additions, g_array_unref);
  g_clear_pointer (&self->statuses, g_array_unref);
  g_clear_pointer (&self->notes, g_ptr_array_unref);
}

static void
annotations_copy (BtAnnotations       *dest,
                  const BtAnnotations *src)
{
  annotations_init (dest);
  g_array_append_vals (dest->links, src->links->data, src->links->len);
  for (guint i = 0; i < dest->links->len; i++)
    {
      BtLink *link = &g_array_index (dest->links, BtLink, i);
      link->decision.by = g_strdup (link->decision.by);
    }
  g_array_append_vals (dest->omissions, src->omissions->data, src->omissions->len);
  for (guint i = 0; i < dest->omissions->len; i++)
    {
      BtOmission *omission = &g_array_index (dest->omissions, BtOmission, i);
      omission->comment = g_strdup (omission->comment);
      omission->decision.by = g_strdup (omission->decision.by);
    }
  g_array_append_vals (dest->additions, src->additions->data, src->additions->len);
  for (guint i = 0; i < dest->additions->len; i++)
    {
      BtAddition *addition = &g_array_index (dest->additions, BtAddition, i);
      addition->decision.by = g_strdup (addition->decision.by);
    }
  g_array_append_vals (dest->statuses, src->statuses->data, src->statuses->len);
  for (guint i = 0; i < src->notes->len; i++)
    g_ptr_array_add (dest->notes, g_strdup (g_ptr_array_index (src->notes, i)));
}

void
_bt_annotations_free (BtAnnotations *annotations)
{
  if (annotations == NULL)
    return;
  annotations_clear (annotations);
  g_free (annotations);
}

/* Indices: the item indices of each paragraph or sentence. Most rows
 * hold one item, so a bucket keeps one inline and spills the rest to the
 * heap: a million rows cost 16 MB, not a small array each. */

typedef struct
{
  guint *more;   /* every value once spilled, else NULL */
  guint  len;
  guint  one;    /* the only value while not spilled */
} Bucket;

static void
bucket_clear (gpointer data)
{
  g_free (((Bucket *) data)->more);
}

static GArray *
index_new (void)
{
  GArray *index = g_array_new (FALSE, TRUE, sizeof (Bucket));

  g_array_set_clear_func (index, bucket_clear);
  return index;
}

static Bucket *
index_lookup (GArray *index,
              guint   key)
{
  return key < index->len ? &g_array_index (index, Bucket, key) : NULL;
}

static Bucket *
index_get (GArray *index,
           guint   key)
{
  g_assert (key < index->len);
  return &g_array_index (index, Bucket, key);
}

static guint *
bucket_values (Bucket *bucket)
{
  return bucket->more != NULL ? bucket->more : &bucket->one;
}

static void
index_add (GArray *index,
           guint   key,
           guint   value)
{
  Bucket *bucket;

  if (key >= index->len)
    g_array_set_size (index, key + 1);
  bucket = &g_array_index (index, Bucket, key);
  if (bucket->more == NULL && bucket->len == 0)
    {
      bucket->one = value;
      bucket->len = 1;
      return;
    }
  if (bucket->more == NULL)
    {
      bucket->more = g_new (guint, 4);
      bucket->more[0] = bucket->one;
    }
  else if (bucket->len >= 4 && (bucket->len & (bucket->len - 1)) == 0)
    bucket->more = g_renew (guint, bucket->more, 2 * (gsize) bucket->len);
  bucket->more[bucket->len++] = value;
}

static guint
bucket_find (Bucket *bucket,
             guint   value)
{
  guint *values = bucket_values (bucket);

  for (guint i = 0; i < bucket->len; i++)
    if (values[i] == value)
      return i;
  g_assert_not_reached ();
}

static void
index_rename (GArray *index,
              guint   key,
              guint   from,
              guint   to)
{
  Bucket *bucket = index_get (index, key);

  bucket_values (bucket)[bucket_find (bucket, from)] = to;
}

static void
index_remove (GArray *index,
              guint   key,
              guint   value)
{
  Bucket *bucket = index_get (index, key);
  guint i = bucket_find (bucket, value);
  guint *values = bucket_values (bucket);

  memmove (values + i, values + i + 1, (bucket->len - i - 1) * sizeof (guint));
  bucket->len--;
}

static void
set_sentence_addition (BtReview *self,
                       guint     sentence,
                       guint     index_plus_one)
{
  if (sentence >= self->sentence_addition->len)
    g_array_set_size (self->sentence_addition, sentence + 1);
  g_array_index (self->sentence_addition, guint, sentence) = index_plus_one;
}

/* Keeps the spilled values, so that a rebuild allocates next to nothing. */
static void
index_empty (GArray *index)
{
  for (guint i = 0; i < index->len; i++)
    g_array_index (index, Bucket, i).len = 0;
}

static void
rebuild_indices (BtReview *self)
{
  index_empty (self->paragraph_links);
  index_empty (self->sentence_links);
  index_empty (self->paragraph_omissions);
  g_hash_table_remove_all (self->omission_index);
  g_array_set_size (self->sentence_addition, 0);

  for (guint i = 0; i < self->data.links->len; i++)
    {
      const BtLink *link = &g_array_index (self->data.links, BtLink, i);
      index_add (self->paragraph_links, link->paragraph, i);
      index_add (self->sentence_links, link->sentence, i);
    }
  for (guint i = 0; i < self->data.omissions->len; i++)
    {
      const BtOmission *omission = &g_array_index (self->data.omissions, BtOmission, i);
      index_add (self->paragraph_omissions, omission->paragraph, i);
      g_hash_table_insert (self->omission_index, GUINT_TO_POINTER (omission->id),
                           GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->data.additions->len; i++)
    set_sentence_addition (self, g_array_index (self->data.additions, BtAddition, i).sentence,
                           i + 1);
}

/* Lookups */

static guint
find_link_index (BtReview *self,
                 guint     paragraph,
                 guint     sentence)
{
  Bucket *bucket = index_lookup (self->paragraph_links, paragraph);
  Bucket *other = index_lookup (self->sentence_links, sentence);

  /* Walk the shorter list: a huge paragraph may hold thousands of links. */
  if (bucket == NULL || other == NULL)
    return NONE;
  if (other->len < bucket->len)
    {
      for (guint i = 0; i < other->len; i++)
        {
          guint index = bucket_values (other)[i];
          if (g_array_index (self->data.links, BtLink, index).paragraph == paragraph)
            return index;
        }
      return NONE;
    }
  for (guint i = 0; i < bucket->len; i++)
    {
      guint index = bucket_values (bucket)[i];
      if (g_array_index (self->data.links, BtLink, index).sentence == sentence)
        return index;
    }
  return NONE;
}

static guint
find_omission_index (BtReview *self,
                     guint     id)
{
  gpointer value = g_hash_table_lookup (self->omission_index, GUINT_TO_POINTER (id));

  return value != NULL ? GPOINTER_TO_UINT (value) - 1 : NONE;
}

static guint
find_addition_index (BtReview *self,
                     guint     sentence)
{
  if (sentence >= self->sentence_addition->len)
    return NONE;
  return g_array_index (self->sentence_addition, guint, sentence) - 1;
}

/* GObject */

static void
bt_review_finalize (GObject *object)
{
  BtReview *self = BT_REVIEW (object);

  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_pointer (&self->undo_stack, g_ptr_array_unref);
  g_clear_pointer (&self->redo_stack, g_ptr_array_unref);
  annotations_clear (&self->data);
  g_clear_pointer (&self->paragraph_links, g_array_unref);
  g_clear_pointer (&self->sentence_links, g_array_unref);
  g_clear_pointer (&self->paragraph_omissions, g_array_unref);
  g_clear_pointer (&self->omission_index, g_hash_table_unref);
  g_clear_pointer (&self->sentence_addition, g_array_unref);
  g_clear_pointer (&self->reviewer, g_free);

  G_OBJECT_CLASS (bt_review_parent_class)->finalize (object);
}

static void
bt_review_dispose (GObject *object)
{
  BtReview *self = BT_REVIEW (object);

  g_clear_object (&self->source);
  g_clear_object (&self->target);

  G_OBJECT_CLASS (bt_review_parent_class)->dispose (object);
}

static void
bt_review_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  BtReview *self = BT_REVIEW (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, bt_review_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, bt_review_can_redo (self));
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, bt_review_get_modified (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
bt_review_class_init (BtReviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = bt_review_dispose;
  object_class->finalize = bt_review_finalize;
  object_class->get_property = bt_review_get_property;

  properties[PROP_CAN_UNDO] = g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, flags);
  properties[PROP_CAN_REDO] = g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, flags);
  properties[PROP_MODIFIED] = g_param_spec_boolean ("modified", NULL, NULL, FALSE, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[PARAGRAPH_CHANGED] =
      g_signal_new ("paragraph-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[SENTENCE_CHANGED] =
      g_signal_new ("sentence-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);
  signals[STRUCTURE_CHANGED] =
      g_signal_new ("structure-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                    NULL, NULL, G_TYPE_NONE, 0);
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
bt_review_init (BtReview *self)
{
  annotations_init (&self->data);
  self->paragraph_links = index_new ();
  self->sentence_links = index_new ();
  self->paragraph_omissions = index_new ();
  self->omission_index = g_hash_table_new (NULL, NULL);
  self->sentence_addition = g_array_new (FALSE, TRUE, sizeof (guint));
  self->threshold = DEFAULT_THRESHOLD;
  self->next_omission_id = 1;
  self->undo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_command_free);
  self->redo_stack = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_command_free);
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) bt_command_free);
}

static void
reserve_index (GArray **index,
               guint    n)
{
  g_array_unref (*index);
  *index = g_array_sized_new (FALSE, TRUE, sizeof (Bucket), n);
  g_array_set_clear_func (*index, bucket_clear);
}

/* Most rows get a link: room for one per row and a link per sentence is
 * set aside at once, as growing arrays of millions step by step copies
 * them over and over. */
static void
reserve_rows (BtReview *self)
{
  guint n_sentences = bt_document_get_n_sentences (self->target);

  g_assert (self->data.links->len == 0);
  reserve_index (&self->paragraph_links, bt_document_get_n_paragraphs (self->source));
  reserve_index (&self->sentence_links, n_sentences);
  g_array_unref (self->data.links);
  self->data.links = g_array_sized_new (FALSE, FALSE, sizeof (BtLink), n_sentences);
  g_array_set_clear_func (self->data.links, clear_link);
}

BtReview *
bt_review_new (BtDocument *source,
               BtDocument *target)
{
  BtReview *self;

  g_return_val_if_fail (BT_IS_DOCUMENT (source), NULL);
  g_return_val_if_fail (BT_IS_DOCUMENT (target), NULL);

  self = g_object_new (BT_TYPE_REVIEW, NULL);
  self->source = g_object_ref (source);
  self->target = g_object_ref (target);
  reserve_rows (self);
  return self;
}

BtDocument *
bt_review_get_source (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return self->source;
}

BtDocument *
bt_review_get_target (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return self->target;
}

const char *
bt_review_get_reviewer (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return self->reviewer;
}

void
bt_review_set_reviewer (BtReview   *self,
                        const char *reviewer)
{
  g_return_if_fail (BT_IS_REVIEW (self));

  if (reviewer != NULL && reviewer[0] == '\0')
    reviewer = NULL;
  if (g_strcmp0 (self->reviewer, reviewer) == 0)
    return;
  g_free (self->reviewer);
  self->reviewer = g_strdup (reviewer);
}

/* Decisions */

void
_bt_review_set_clock (BtReview *self,
                      gint64    at)
{
  g_return_if_fail (BT_IS_REVIEW (self));

  self->clock = at;
}

gint64
_bt_review_now (BtReview *self)
{
  if (self->clock != 0)
    return self->clock;
  return g_get_real_time () / G_USEC_PER_SEC;
}

const char *
_bt_review_get_decider (BtReview *self)
{
  const char *name;

  if (self->reviewer != NULL)
    return self->reviewer;
  name = g_get_real_name ();
  if (name == NULL || name[0] == '\0' || g_strcmp0 (name, "Unknown") == 0)
    name = g_get_user_name ();
  return name;
}

/* Fills @decision for an item that goes to @state; the name is borrowed,
 * the command that records it copies it. */
static void
decide (BtReview   *self,
        BtDecision *decision,
        BtState     state)
{
  if (state == BT_STATE_SUGGESTED)
    {
      decision->by = NULL;
      decision->at = 0;
      return;
    }
  decision->by = (char *) _bt_review_get_decider (self);
  decision->at = _bt_review_now (self);
}

static void
restore_decision (BtDecision *decision,
                  const char *by,
                  gint64      at)
{
  g_free (decision->by);
  decision->by = by != NULL && by[0] != '\0' ? g_strdup (by) : NULL;
  decision->at = at;
}

gboolean
_bt_review_restore_link_decision (BtReview   *self,
                                  guint       paragraph,
                                  guint       sentence,
                                  const char *by,
                                  gint64      at)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  index = find_link_index (self, paragraph, sentence);
  if (index == NONE)
    return FALSE;
  restore_decision (&g_array_index (self->data.links, BtLink, index).decision, by, at);
  return TRUE;
}

gboolean
_bt_review_restore_omission_decision (BtReview   *self,
                                      guint       id,
                                      const char *by,
                                      gint64      at)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  index = find_omission_index (self, id);
  if (index == NONE)
    return FALSE;
  restore_decision (&g_array_index (self->data.omissions, BtOmission, index).decision, by, at);
  return TRUE;
}

gboolean
_bt_review_restore_addition_decision (BtReview   *self,
                                      guint       sentence,
                                      const char *by,
                                      gint64      at)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  index = find_addition_index (self, sentence);
  if (index == NONE)
    return FALSE;
  restore_decision (&g_array_index (self->data.additions, BtAddition, index).decision, by, at);
  return TRUE;
}

/* Queries */

guint
bt_review_get_n_links (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), 0);

  return self->data.links->len;
}

const BtLink *
bt_review_get_link (BtReview *self,
                    guint     index)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->data.links->len, NULL);

  return &g_array_index (self->data.links, BtLink, index);
}

const BtLink *
bt_review_find_link (BtReview *self,
                     guint     paragraph,
                     guint     sentence)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  index = find_link_index (self, paragraph, sentence);
  return index != NONE ? &g_array_index (self->data.links, BtLink, index) : NULL;
}

static const guint *
bucket_items (GArray *index,
              guint   key,
              guint  *n_items)
{
  Bucket *bucket = index_lookup (index, key);
  guint n = bucket != NULL ? bucket->len : 0;

  if (n_items != NULL)
    *n_items = n;
  return n > 0 ? bucket_values (bucket) : NULL;
}

const guint *
bt_review_get_paragraph_links (BtReview *self,
                               guint     paragraph,
                               guint    *n_links)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return bucket_items (self->paragraph_links, paragraph, n_links);
}

const guint *
bt_review_get_sentence_links (BtReview *self,
                              guint     sentence,
                              guint    *n_links)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return bucket_items (self->sentence_links, sentence, n_links);
}

guint
bt_review_get_n_omissions (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), 0);

  return self->data.omissions->len;
}

const BtOmission *
bt_review_get_omission (BtReview *self,
                        guint     index)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->data.omissions->len, NULL);

  return &g_array_index (self->data.omissions, BtOmission, index);
}

const BtOmission *
bt_review_find_omission (BtReview *self,
                         guint     id)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  index = find_omission_index (self, id);
  return index != NONE ? &g_array_index (self->data.omissions, BtOmission, index) : NULL;
}

static int
compare_omission_positions (gconstpointer a,
                            gconstpointer b,
                            gpointer      user_data)
{
  GArray *omissions = user_data;
  const BtOmission *x = &g_array_index (omissions, BtOmission, *(const guint *) a);
  const BtOmission *y = &g_array_index (omissions, BtOmission, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end < y->end ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

GArray *
bt_review_list_paragraph_omissions (BtReview *self,
                                    guint     paragraph)
{
  GArray *result;
  guint n = 0;
  const guint *items;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  items = bucket_items (self->paragraph_omissions, paragraph, &n);
  result = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);
  g_array_append_vals (result, items, n);
  g_array_sort_with_data (result, compare_omission_positions, self->data.omissions);
  return result;
}

guint
bt_review_get_n_additions (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), 0);

  return self->data.additions->len;
}

const BtAddition *
bt_review_get_addition (BtReview *self,
                        guint     index)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (index < self->data.additions->len, NULL);

  return &g_array_index (self->data.additions, BtAddition, index);
}

const BtAddition *
bt_review_find_addition (BtReview *self,
                         guint     sentence)
{
  guint index;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  index = find_addition_index (self, sentence);
  return index != NONE ? &g_array_index (self->data.additions, BtAddition, index) : NULL;
}

BtStatus
bt_review_get_status (BtReview *self,
                      guint     paragraph)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), BT_STATUS_UNREVIEWED);

  if (paragraph >= self->data.statuses->len)
    return BT_STATUS_UNREVIEWED;
  return g_array_index (self->data.statuses, guint8, paragraph);
}

/* Never NULL: "" when the paragraph has no note. */
const char *
bt_review_get_note (BtReview *self,
                    guint     paragraph)
{
  const char *note = NULL;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  if (paragraph < self->data.notes->len)
    note = g_ptr_array_index (self->data.notes, paragraph);
  return note != NULL ? note : "";
}

double
bt_review_get_threshold (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), DEFAULT_THRESHOLD);

  return self->threshold;
}

/* Coverage and figures */

static gboolean
paragraph_is_linked (BtReview *self,
                     guint     paragraph)
{
  guint n = 0;
  const guint *items = bucket_items (self->paragraph_links, paragraph, &n);

  for (guint i = 0; i < n; i++)
    if (g_array_index (self->data.links, BtLink, items[i]).state != BT_STATE_REJECTED)
      return TRUE;
  return FALSE;
}

GByteArray *
bt_review_get_coverage (BtReview *self,
                        guint     paragraph)
{
  const BtParagraph *para;
  GByteArray *coverage;
  guint n = 0;
  const guint *items;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);
  g_return_val_if_fail (paragraph < bt_document_get_n_paragraphs (self->source), NULL);

  para = bt_document_get_paragraph (self->source, paragraph);
  coverage = g_byte_array_sized_new (para->n_chars);
  g_byte_array_set_size (coverage, para->n_chars);
  memset (coverage->data,
          paragraph_is_linked (self, paragraph) ? BT_COVERAGE_RENDERED : BT_COVERAGE_UNDECIDED,
          para->n_chars);

  items = bucket_items (self->paragraph_omissions, paragraph, &n);
  for (guint i = 0; i < n; i++)
    {
      const BtOmission *omission = &g_array_index (self->data.omissions, BtOmission, items[i]);
      guint end = MIN (omission->end, para->n_chars);
      if (omission->state != BT_STATE_REJECTED && omission->start < end)
        memset (coverage->data + omission->start, BT_COVERAGE_OMITTED, end - omission->start);
    }
  return coverage;
}

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const BtSpan *x = a;
  const BtSpan *y = b;

  return x->start < y->start ? -1 : x->start > y->start;
}

/* Code points of @paragraph inside some omission that is not rejected. */
static guint
count_omitted (BtReview *self,
               guint     paragraph,
               guint     n_chars)
{
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (BtSpan));
  guint n = 0, total = 0, covered_to = 0;
  const guint *items = bucket_items (self->paragraph_omissions, paragraph, &n);

  for (guint i = 0; i < n; i++)
    {
      const BtOmission *omission = &g_array_index (self->data.omissions, BtOmission, items[i]);
      BtSpan span = { omission->start, MIN (omission->end, n_chars) };
      if (omission->state != BT_STATE_REJECTED && span.start < span.end)
        g_array_append_val (spans, span);
    }
  g_array_sort (spans, compare_spans);
  for (guint i = 0; i < spans->len; i++)
    {
      const BtSpan *span = &g_array_index (spans, BtSpan, i);
      guint start = MAX (span->start, covered_to);
      if (span->end > start)
        total += span->end - start;
      covered_to = MAX (covered_to, span->end);
    }
  return total;
}

static void
count_states (BtFigures *figures,
              BtState    state,
              guint     *n_kept)
{
  if (state == BT_STATE_SUGGESTED)
    figures->n_suggestions++;
  if (state != BT_STATE_REJECTED)
    (*n_kept)++;
}

static void
figure_paragraphs (BtReview  *self,
                   BtFigures *figures)
{
  figures->n_paragraphs = bt_document_get_n_paragraphs (self->source);
  for (guint p = 0; p < figures->n_paragraphs; p++)
    {
      guint n_chars = bt_document_get_paragraph (self->source, p)->n_chars;
      guint omitted = count_omitted (self, p, n_chars);
      BtStatus status = bt_review_get_status (self, p);

      figures->n_reviewed += status == BT_STATUS_REVIEWED;
      figures->n_needs_attention += status == BT_STATUS_NEEDS_ATTENTION;
      figures->n_chars += n_chars;
      figures->n_omitted += omitted;
      if (paragraph_is_linked (self, p))
        figures->n_rendered += n_chars - omitted;
      else
        figures->n_undecided += n_chars - omitted;
    }
}

/* The score is MQM's: the severity weights (0/1/5/10) of the omissions
 * that are not rejected, per 1,000 source code points. */
void
bt_review_get_figures (BtReview  *self,
                       BtFigures *figures)
{
  guint weights = 0;

  g_return_if_fail (BT_IS_REVIEW (self));
  g_return_if_fail (figures != NULL);

  memset (figures, 0, sizeof *figures);
  figure_paragraphs (self, figures);
  for (guint i = 0; i < self->data.links->len; i++)
    count_states (figures, g_array_index (self->data.links, BtLink, i).state, &figures->n_links);
  for (guint i = 0; i < self->data.additions->len; i++)
    count_states (figures, g_array_index (self->data.additions, BtAddition, i).state,
                  &figures->n_additions);
  for (guint i = 0; i < self->data.omissions->len; i++)
    {
      const BtOmission *omission = &g_array_index (self->data.omissions, BtOmission, i);
      count_states (figures, omission->state, &figures->n_omissions);
      if (omission->state == BT_STATE_REJECTED)
        continue;
      figures->omissions_by_category[omission->category]++;
      figures->omissions_by_severity[omission->severity]++;
      weights += bt_severity_get_weight (omission->severity);
    }
  figures->score = figures->n_chars > 0 ? weights * 1000.0 / figures->n_chars : 0.0;
  figures->threshold = self->threshold;
  figures->pass = figures->score <= self->threshold;
}

/* Primitives */

static void
emit_paragraph_changed (BtReview *self,
                        guint     paragraph)
{
  g_signal_emit (self, signals[PARAGRAPH_CHANGED], 0, paragraph);
}

static void
emit_sentence_changed (BtReview *self,
                       guint     sentence)
{
  g_signal_emit (self, signals[SENTENCE_CHANGED], 0, sentence);
}

static void
remove_link_at (BtReview *self,
                guint     index)
{
  GArray *links = self->data.links;
  const BtLink *link = &g_array_index (links, BtLink, index);
  guint last = links->len - 1;

  index_remove (self->paragraph_links, link->paragraph, index);
  index_remove (self->sentence_links, link->sentence, index);
  if (index != last)
    {
      const BtLink *moved = &g_array_index (links, BtLink, last);
      index_rename (self->paragraph_links, moved->paragraph, last, index);
      index_rename (self->sentence_links, moved->sentence, last, index);
    }
  g_array_remove_index_fast (links, index);
}

void
_bt_review_put_link (BtReview     *self,
                     guint         paragraph,
                     guint         sentence,
                     const BtLink *value)
{
  guint index = find_link_index (self, paragraph, sentence);

  g_assert (value == NULL || (value->paragraph == paragraph && value->sentence == sentence));

  if (value == NULL && index != NONE)
    remove_link_at (self, index);
  else if (value != NULL && index != NONE)
    {
      BtLink *link = &g_array_index (self->data.links, BtLink, index);
      g_free (link->decision.by);
      *link = *value;
      link->decision.by = g_strdup (value->decision.by);
    }
  else if (value != NULL)
    {
      BtLink link = *value;
      link.decision.by = g_strdup (value->decision.by);
      g_array_append_val (self->data.links, link);
      index_add (self->paragraph_links, paragraph, self->data.links->len - 1);
      index_add (self->sentence_links, sentence, self->data.links->len - 1);
    }
  emit_paragraph_changed (self, paragraph);
  emit_sentence_changed (self, sentence);
}

static void
remove_omission_at (BtReview *self,
                    guint     index)
{
  GArray *omissions = self->data.omissions;
  const BtOmission *omission = &g_array_index (omissions, BtOmission, index);
  guint last = omissions->len - 1;

  index_remove (self->paragraph_omissions, omission->paragraph, index);
  g_hash_table_remove (self->omission_index, GUINT_TO_POINTER (omission->id));
  if (index != last)
    {
      const BtOmission *moved = &g_array_index (omissions, BtOmission, last);
      index_rename (self->paragraph_omissions, moved->paragraph, last, index);
      g_hash_table_insert (self->omission_index, GUINT_TO_POINTER (moved->id),
                           GUINT_TO_POINTER (index + 1));
    }
  g_array_remove_index_fast (omissions, index);
}

static void
copy_omission (BtOmission       *dest,
               const BtOmission *src)
{
  *dest = *src;
  dest->comment = g_strdup (src->comment != NULL ? src->comment : "");
  dest->decision.by = g_strdup (src->decision.by);
}

static void
insert_omission (BtReview         *self,
                 const BtOmission *value)
{
  BtOmission omission;
  guint index = self->data.omissions->len;

  copy_omission (&omission, value);
  g_array_append_val (self->data.omissions, omission);
  index_add (self->paragraph_omissions, value->paragraph, index);
  g_hash_table_insert (self->omission_index, GUINT_TO_POINTER (value->id),
                       GUINT_TO_POINTER (index + 1));
  self->next_omission_id = MAX (self->next_omission_id, value->id + 1);
}

void
_bt_review_put_omission (BtReview         *self,
                         guint             id,
                         const BtOmission *value)
{
  guint index = find_omission_index (self, id);

  g_assert (value == NULL || value->id == id);

  if (index != NONE)
    {
      guint paragraph = g_array_index (self->data.omissions, BtOmission, index).paragraph;
      remove_omission_at (self, index);
      if (value == NULL || value->paragraph != paragraph)
        emit_paragraph_changed (self, paragraph);
    }
  if (value != NULL)
    {
      insert_omission (self, value);
      emit_paragraph_changed (self, value->paragraph);
    }
}

guint
_bt_review_take_omission_id (BtReview *self)
{
  return self->next_omission_id++;
}

void
_bt_review_put_addition (BtReview         *self,
                         guint             sentence,
                         const BtAddition *value)
{
  guint index = find_addition_index (self, sentence);
  GArray *additions = self->data.additions;

  g_assert (value == NULL || value->sentence == sentence);

  if (value == NULL && index != NONE)
    {
      guint last = additions->len - 1;
      set_sentence_addition (self, sentence, 0);
      if (index != last)
        set_sentence_addition (self, g_array_index (additions, BtAddition, last).sentence,
                               index + 1);
      g_array_remove_index_fast (additions, index);
    }
  else if (value != NULL)
    {
      BtAddition addition = *value;
      addition.decision.by = g_strdup (value->decision.by);
      if (index != NONE)
        {
          g_free (g_array_index (additions, BtAddition, index).decision.by);
          g_array_index (additions, BtAddition, index) = addition;
        }
      else
        {
          g_array_append_val (additions, addition);
          set_sentence_addition (self, sentence, additions->len);
        }
    }
  emit_sentence_changed (self, sentence);
}

static void
ensure_paragraph_slots (BtReview *self,
                        guint     n)
{
  if (self->data.statuses->len < n)
    g_array_set_size (self->data.statuses, n);
  if (self->data.notes->len < n)
    g_ptr_array_set_size (self->data.notes, n);
}

void
_bt_review_put_status (BtReview *self,
                       guint     paragraph,
                       BtStatus  status)
{
  ensure_paragraph_slots (self, paragraph + 1);
  g_array_index (self->data.statuses, guint8, paragraph) = status;
  emit_paragraph_changed (self, paragraph);
}

void
_bt_review_put_note (BtReview   *self,
                     guint       paragraph,
                     const char *note)
{
  ensure_paragraph_slots (self, paragraph + 1);
  g_free (g_ptr_array_index (self->data.notes, paragraph));
  self->data.notes->pdata[paragraph] = note != NULL && note[0] != '\0' ? g_strdup (note) : NULL;
  emit_paragraph_changed (self, paragraph);
}

void
_bt_review_put_threshold (BtReview *self,
                          double    threshold)
{
  self->threshold = threshold;
}

/* Segmentation corrections. A correction takes the rows it touches out of
 * the review, shifts the rows after them, and puts back what the new rows
 * hold; its undo drops the new rows, shifts back and puts the old ones
 * back, so it keeps no more than the rows it touched. */

static void
restore_annotations (BtReview            *self,
                     const BtAnnotations *annotations)
{
  annotations_clear (&self->data);
  annotations_copy (&self->data, annotations);
  rebuild_indices (self);
}

void
_bt_review_emit_structure_changed (BtReview *self)
{
  g_signal_emit (self, signals[STRUCTURE_CHANGED], 0);
}

static gboolean
link_in_rows (const BtLink *link,
              BtRows        rows,
              guint         first,
              guint         n)
{
  guint row = rows == BT_ROWS_PARAGRAPHS ? link->paragraph : link->sentence;

  return row >= first && row - first < n;
}

/* Moves the items of the rows into @taken, or frees them if it is NULL. */
static void
move_rows (BtReview      *self,
           BtRows         rows,
           guint          first,
           guint          n,
           BtAnnotations *taken)
{
  GArray *links = self->data.links;
  GArray *omissions = self->data.omissions;
  GArray *additions = self->data.additions;

  for (guint i = links->len; i > 0; i--)
    {
      BtLink *link = &g_array_index (links, BtLink, i - 1);
      if (!link_in_rows (link, rows, first, n))
        continue;
      if (taken != NULL)
        {
          g_array_append_val (taken->links, *link);
          link->decision.by = NULL;
        }
      g_array_remove_index_fast (links, i - 1);
    }
  for (guint i = omissions->len; i > 0 && rows == BT_ROWS_PARAGRAPHS; i--)
    {
      BtOmission *omission = &g_array_index (omissions, BtOmission, i - 1);
      if (omission->paragraph < first || omission->paragraph - first >= n)
        continue;
      if (taken != NULL)
        {
          g_array_append_val (taken->omissions, *omission);
          omission->comment = NULL;
          omission->decision.by = NULL;
        }
      g_array_remove_index_fast (omissions, i - 1);
    }
  for (guint i = additions->len; i > 0 && rows == BT_ROWS_SENTENCES; i--)
    {
      BtAddition *addition = &g_array_index (additions, BtAddition, i - 1);
      if (addition->sentence < first || addition->sentence - first >= n)
        continue;
      if (taken != NULL)
        {
          g_array_append_val (taken->additions, *addition);
          addition->decision.by = NULL;
        }
      g_array_remove_index_fast (additions, i - 1);
    }
}

BtAnnotations *
_bt_review_take_rows (BtReview *self,
                      BtRows    rows,
                      guint     first,
                      guint     n)
{
  BtAnnotations *taken = g_new0 (BtAnnotations, 1);

  annotations_init (taken);
  move_rows (self, rows, first, n, taken);
  if (rows == BT_ROWS_PARAGRAPHS)
    {
      ensure_paragraph_slots (self, first + n);
      g_array_append_vals (taken->statuses, &g_array_index (self->data.statuses, guint8, first),
                           n);
      for (guint i = 0; i < n; i++)
        g_ptr_array_add (taken->notes, g_strdup (g_ptr_array_index (self->data.notes, first + i)));
    }
  return taken;
}

void
_bt_review_drop_rows (BtReview *self,
                      BtRows    rows,
                      guint     first,
                      guint     n)
{
  move_rows (self, rows, first, n, NULL);
}

/* Rows from @from on move by @delta. A paragraph row is made (empty) at
 * @from, or the row before @from is removed. */
void
_bt_review_shift_rows (BtReview *self,
                       BtRows    rows,
                       guint     from,
                       int       delta)
{
  for (guint i = 0; i < self->data.links->len; i++)
    {
      BtLink *link = &g_array_index (self->data.links, BtLink, i);
      guint *row = rows == BT_ROWS_PARAGRAPHS ? &link->paragraph : &link->sentence;
      if (*row >= from)
        *row += delta;
    }
  for (guint i = 0; i < self->data.omissions->len && rows == BT_ROWS_PARAGRAPHS; i++)
    {
      BtOmission *omission = &g_array_index (self->data.omissions, BtOmission, i);
      if (omission->paragraph >= from)
        omission->paragraph += delta;
    }
  for (guint i = 0; i < self->data.additions->len && rows == BT_ROWS_SENTENCES; i++)
    {
      BtAddition *addition = &g_array_index (self->data.additions, BtAddition, i);
      if (addition->sentence >= from)
        addition->sentence += delta;
    }
  if (rows == BT_ROWS_SENTENCES)
    return;
  ensure_paragraph_slots (self, from);
  if (delta > 0)
    {
      g_array_insert_val (self->data.statuses, from, (guint8) { BT_STATUS_UNREVIEWED });
      g_ptr_array_insert (self->data.notes, from, NULL);
    }
  else
    {
      g_array_remove_index (self->data.statuses, from - 1);
      g_ptr_array_remove_index (self->data.notes, from - 1);
    }
}

static void
append_link (BtReview     *self,
             const BtLink *link,
             guint         paragraph,
             guint         sentence)
{
  BtLink copy = *link;

  copy.paragraph = paragraph;
  copy.sentence = sentence;
  copy.decision.by = g_strdup (link->decision.by);
  g_array_append_val (self->data.links, copy);
}

static void
append_omission (BtReview         *self,
                 const BtOmission *omission,
                 guint             paragraph,
                 guint             start,
                 guint             end)
{
  BtOmission copy;

  copy_omission (&copy, omission);
  copy.paragraph = paragraph;
  copy.start = start;
  copy.end = end;
  g_array_append_val (self->data.omissions, copy);
  self->next_omission_id = MAX (self->next_omission_id, copy.id + 1);
}

static void
append_addition (BtReview         *self,
                 const BtAddition *addition,
                 guint             sentence)
{
  BtAddition copy = *addition;

  copy.sentence = sentence;
  copy.decision.by = g_strdup (addition->decision.by);
  g_array_append_val (self->data.additions, copy);
}

static void
set_paragraph_slot (BtReview   *self,
                    guint       paragraph,
                    guint8      status,
                    const char *note)
{
  ensure_paragraph_slots (self, paragraph + 1);
  g_array_index (self->data.statuses, guint8, paragraph) = status;
  g_free (g_ptr_array_index (self->data.notes, paragraph));
  self->data.notes->pdata[paragraph] = g_strdup (note);
}

void
_bt_review_put_rows (BtReview            *self,
                     const BtAnnotations *rows,
                     guint                first)
{
  for (guint i = 0; i < rows->links->len; i++)
    {
      const BtLink *link = &g_array_index (rows->links, BtLink, i);
      append_link (self, link, link->paragraph, link->sentence);
    }
  for (guint i = 0; i < rows->omissions->len; i++)
    {
      const BtOmission *omission = &g_array_index (rows->omissions, BtOmission, i);
      append_omission (self, omission, omission->paragraph, omission->start, omission->end);
    }
  for (guint i = 0; i < rows->additions->len; i++)
    {
      const BtAddition *addition = &g_array_index (rows->additions, BtAddition, i);
      append_addition (self, addition, addition->sentence);
    }
  for (guint i = 0; i < rows->statuses->len; i++)
    set_paragraph_slot (self, first + i, g_array_index (rows->statuses, guint8, i),
                        g_ptr_array_index (rows->notes, i));
  rebuild_indices (self);
}

/* The id of the second part of a cut omission: new the first time, the
 * same on every redo. */
static guint
second_part_id (BtReview   *self,
                GHashTable *second_ids,
                guint       id)
{
  gpointer found = g_hash_table_lookup (second_ids, GUINT_TO_POINTER (id));

  if (found == NULL)
    {
      found = GUINT_TO_POINTER (_bt_review_take_omission_id (self));
      g_hash_table_insert (second_ids, GUINT_TO_POINTER (id), found);
    }
  return GPOINTER_TO_UINT (found);
}

/* The first part keeps [0, first_end) of the old paragraph; the second
 * holds [second_start, old end), counted from its own start. */
static void
split_omission (BtReview         *self,
                const BtOmission *omission,
                guint             first_end,
                guint             second_start,
                GHashTable       *second_ids)
{
  guint paragraph = omission->paragraph;
  gboolean in_first = omission->start < first_end;
  gboolean in_second = omission->end > second_start;

  if (in_first)
    append_omission (self, omission, paragraph, omission->start, MIN (omission->end, first_end));
  if (in_second)
    {
      BtOmission second = *omission;
      if (in_first)
        second.id = second_part_id (self, second_ids, omission->id);
      append_omission (self, &second, paragraph + 1,
                       MAX (omission->start, second_start) - second_start,
                       omission->end - second_start);
    }
}

void
_bt_review_split_paragraph_rows (BtReview            *self,
                                 guint                paragraph,
                                 const BtAnnotations *old,
                                 guint                old_n_chars,
                                 GHashTable          *second_ids)
{
  guint first = bt_document_get_paragraph (self->source, paragraph)->n_chars;
  guint second = bt_document_get_paragraph (self->source, paragraph + 1)->n_chars;
  guint8 status = g_array_index (old->statuses, guint8, 0);

  for (guint i = 0; i < old->links->len; i++)
    {
      const BtLink *link = &g_array_index (old->links, BtLink, i);
      append_link (self, link, paragraph, link->sentence);
      append_link (self, link, paragraph + 1, link->sentence);
    }
  for (guint i = 0; i < old->omissions->len; i++)
    split_omission (self, &g_array_index (old->omissions, BtOmission, i), first,
                    old_n_chars - second, second_ids);
  set_paragraph_slot (self, paragraph, status, g_ptr_array_index (old->notes, 0));
  set_paragraph_slot (self, paragraph + 1, status, NULL);
  rebuild_indices (self);
}

static BtStatus
merge_statuses (BtStatus a,
                BtStatus b)
{
  if (a == BT_STATUS_NEEDS_ATTENTION || b == BT_STATUS_NEEDS_ATTENTION)
    return BT_STATUS_NEEDS_ATTENTION;
  if (a == BT_STATUS_REVIEWED && b == BT_STATUS_REVIEWED)
    return BT_STATUS_REVIEWED;
  return BT_STATUS_UNREVIEWED;
}

static char *
join_notes (const char *first,
            const char *second)
{
  if (first == NULL || second == NULL)
    return g_strdup (first != NULL ? first : second);
  return g_strconcat (first, "\n", second, NULL);
}

/* Links of @old's rows @row and @row + 1 become links of @row; where both
 * link the same item, the first row's link stays. */
static void
merge_links (BtReview            *self,
             const BtAnnotations *old,
             BtRows               rows,
             guint                row)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < old->links->len; i++)
      {
        const BtLink *link = &g_array_index (old->links, BtLink, i);
        gboolean by_paragraph = rows == BT_ROWS_PARAGRAPHS;
        guint own = by_paragraph ? link->paragraph : link->sentence;
        guint other = by_paragraph ? link->sentence : link->paragraph;

        if (own != row + pass || !g_hash_table_add (seen, GUINT_TO_POINTER (other)))
          continue;
        append_link (self, link, by_paragraph ? row : link->paragraph,
                     by_paragraph ? link->sentence : row);
      }
}

void
_bt_review_merge_paragraph_rows (BtReview            *self,
                                 guint                paragraph,
                                 const BtAnnotations *old,
                                 guint                old_second_n_chars)
{
  guint n_chars = bt_document_get_paragraph (self->source, paragraph)->n_chars;
  guint offset = n_chars - old_second_n_chars;
  const guint8 *statuses = (const guint8 *) old->statuses->data;
  g_autofree char *note = join_notes (g_ptr_array_index (old->notes, 0),
                                      g_ptr_array_index (old->notes, 1));

  merge_links (self, old, BT_ROWS_PARAGRAPHS, paragraph);
  for (guint i = 0; i < old->omissions->len; i++)
    {
      const BtOmission *omission = &g_array_index (old->omissions, BtOmission, i);
      guint shift = omission->paragraph == paragraph ? 0 : offset;
      append_omission (self, omission, paragraph, omission->start + shift,
                       omission->end + shift);
    }
  set_paragraph_slot (self, paragraph, merge_statuses (statuses[0], statuses[1]), note);
  rebuild_indices (self);
}

void
_bt_review_split_sentence_rows (BtReview            *self,
                                guint                sentence,
                                const BtAnnotations *old)
{
  for (guint i = 0; i < old->links->len; i++)
    {
      const BtLink *link = &g_array_index (old->links, BtLink, i);
      append_link (self, link, link->paragraph, sentence);
      append_link (self, link, link->paragraph, sentence + 1);
    }
  for (guint i = 0; i < old->additions->len; i++)
    {
      const BtAddition *addition = &g_array_index (old->additions, BtAddition, i);
      append_addition (self, addition, sentence);
      append_addition (self, addition, sentence + 1);
    }
  rebuild_indices (self);
}

void
_bt_review_merge_sentence_rows (BtReview            *self,
                                guint                sentence,
                                const BtAnnotations *old)
{
  const BtAddition *kept = NULL;

  merge_links (self, old, BT_ROWS_SENTENCES, sentence);
  for (guint i = 0; i < old->additions->len; i++)
    {
      const BtAddition *addition = &g_array_index (old->additions, BtAddition, i);
      if (kept == NULL || addition->sentence < kept->sentence)
        kept = addition;
    }
  if (kept != NULL)
    append_addition (self, kept, sentence);
  rebuild_indices (self);
}

/* History */

static void
update_history_state (BtReview *self)
{
  gboolean can_undo = bt_review_can_undo (self);
  gboolean can_redo = bt_review_can_redo (self);
  gboolean modified = bt_review_get_modified (self);

  if (can_undo == self->can_undo && can_redo == self->can_redo && modified == self->modified)
    return;
  g_object_freeze_notify (G_OBJECT (self));
  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
finish_step (BtReview *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
  update_history_state (self);
}

static void
push_command (BtReview  *self,
              BtCommand *command)
{
  if (self->drop_history)
    {
      /* As if the history were cleared right after. */
      bt_command_free (command);
      self->saved_depth = -1;
      if (self->groups->len > 0)
        self->dropped_in_group = TRUE;
      else
        finish_step (self);
      return;
    }
  if (self->groups->len > 0)
    {
      bt_command_group_add (g_ptr_array_index (self->groups, self->groups->len - 1), command);
      return;
    }
  if (self->saved_depth > (int) self->undo_stack->len)
    self->saved_depth = -1;
  g_ptr_array_set_size (self->redo_stack, 0);
  g_ptr_array_add (self->undo_stack, command);
  finish_step (self);
}

/* Applies @command and records it; takes it over either way. */
static gboolean
run_command (BtReview  *self,
             BtCommand *command)
{
  if (!bt_command_apply (command, self))
    {
      bt_command_free (command);
      return FALSE;
    }
  push_command (self, command);
  return TRUE;
}

void
bt_review_begin_group (BtReview   *self,
                       const char *label)
{
  g_return_if_fail (BT_IS_REVIEW (self));
  g_return_if_fail (label != NULL);

  g_ptr_array_add (self->groups, bt_command_new_group (label));
}

void
bt_review_end_group (BtReview *self)
{
  BtCommand *group;

  g_return_if_fail (BT_IS_REVIEW (self));
  g_return_if_fail (self->groups->len > 0);

  group = g_ptr_array_steal_index (self->groups, self->groups->len - 1);
  if (bt_command_group_get_size (group) > 0)
    push_command (self, group);
  else
    bt_command_free (group);
  if (self->dropped_in_group && self->groups->len == 0)
    {
      self->dropped_in_group = FALSE;
      finish_step (self);
    }
}

gboolean
bt_review_can_undo (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  return self->undo_stack->len > 0;
}

gboolean
bt_review_can_redo (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  return self->redo_stack->len > 0;
}

static const char *
top_label (GPtrArray *stack)
{
  if (stack->len == 0)
    return NULL;
  return bt_command_get_label (g_ptr_array_index (stack, stack->len - 1));
}

const char *
bt_review_get_undo_label (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return top_label (self->undo_stack);
}

const char *
bt_review_get_redo_label (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  return top_label (self->redo_stack);
}

gboolean
bt_review_undo (BtReview *self)
{
  BtCommand *command;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->undo_stack->len == 0)
    return FALSE;
  command = g_ptr_array_steal_index (self->undo_stack, self->undo_stack->len - 1);
  bt_command_revert (command, self);
  g_ptr_array_add (self->redo_stack, command);
  finish_step (self);
  return TRUE;
}

gboolean
bt_review_redo (BtReview *self)
{
  BtCommand *command;
  gboolean done;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);
  g_return_val_if_fail (self->groups->len == 0, FALSE);

  if (self->redo_stack->len == 0)
    return FALSE;
  command = g_ptr_array_steal_index (self->redo_stack, self->redo_stack->len - 1);
  done = bt_command_apply (command, self);
  g_assert (done);
  g_ptr_array_add (self->undo_stack, command);
  finish_step (self);
  return TRUE;
}

void
bt_review_clear_history (BtReview *self)
{
  g_return_if_fail (BT_IS_REVIEW (self));

  self->saved_depth = bt_review_get_modified (self) ? -1 : 0;
  g_ptr_array_set_size (self->undo_stack, 0);
  g_ptr_array_set_size (self->redo_stack, 0);
  update_history_state (self);
}

void
_bt_review_set_drop_history (BtReview *self,
                             gboolean  drop)
{
  g_return_if_fail (BT_IS_REVIEW (self));
  g_return_if_fail (self->groups->len == 0);

  if (drop)
    bt_review_clear_history (self);
  self->drop_history = drop;
}

gboolean
bt_review_get_modified (BtReview *self)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  return self->saved_depth != (int) self->undo_stack->len;
}

void
bt_review_mark_saved (BtReview *self)
{
  g_return_if_fail (BT_IS_REVIEW (self));

  self->saved_depth = self->undo_stack->len;
  update_history_state (self);
}

/* Edits */

static gboolean
valid_state (BtState state)
{
  return state == BT_STATE_SUGGESTED || state == BT_STATE_ACCEPTED || state == BT_STATE_REJECTED;
}

static gboolean
valid_confidence (double confidence)
{
  return confidence >= 0.0 && confidence <= 1.0;
}

static gboolean
valid_paragraph (BtReview *self,
                 guint     paragraph)
{
  return paragraph < bt_document_get_n_paragraphs (self->source);
}

static gboolean
valid_sentence (BtReview *self,
                guint     sentence)
{
  return sentence < bt_document_get_n_sentences (self->target);
}

static const char *
state_label (BtState     state,
             const char *accept,
             const char *reject,
             const char *restore)
{
  return state == BT_STATE_ACCEPTED ? accept : state == BT_STATE_REJECTED ? reject : restore;
}

gboolean
bt_review_add_link (BtReview *self,
                    guint     paragraph,
                    guint     sentence,
                    BtOrigin  origin,
                    double    confidence,
                    BtState   state)
{
  BtLink link = { paragraph, sentence, origin, confidence, state, { NULL, 0 } };

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph) || !valid_sentence (self, sentence)
      || !valid_confidence (confidence) || !valid_state (state)
      || (origin != BT_ORIGIN_AUTO && origin != BT_ORIGIN_REVIEWER)
      || find_link_index (self, paragraph, sentence) != NONE)
    return FALSE;
  decide (self, &link.decision, state);
  return run_command (self, bt_command_new_link (C_("undo", "Add Link"), NULL, &link));
}

gboolean
bt_review_remove_link (BtReview *self,
                       guint     paragraph,
                       guint     sentence)
{
  const BtLink *link;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  link = bt_review_find_link (self, paragraph, sentence);
  if (link == NULL)
    return FALSE;
  return run_command (self, bt_command_new_link (C_("undo", "Remove Link"), link, NULL));
}

gboolean
bt_review_toggle_link (BtReview *self,
                       guint     paragraph,
                       guint     sentence)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (bt_review_find_link (self, paragraph, sentence) != NULL)
    return bt_review_remove_link (self, paragraph, sentence);
  return bt_review_add_link (self, paragraph, sentence, BT_ORIGIN_REVIEWER, 1.0,
                             BT_STATE_ACCEPTED);
}

gboolean
bt_review_set_link_state (BtReview *self,
                          guint     paragraph,
                          guint     sentence,
                          BtState   state)
{
  const BtLink *link;
  BtLink after;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  link = bt_review_find_link (self, paragraph, sentence);
  if (link == NULL || link->state == state || !valid_state (state))
    return FALSE;
  after = *link;
  after.state = state;
  decide (self, &after.decision, state);
  return run_command (self, bt_command_new_link (state_label (state, C_("undo", "Accept Link"),
                                                              C_("undo", "Reject Link"),
                                                              C_("undo", "Reset Link")),
                                                 link, &after));
}

static gboolean
valid_omission (BtReview   *self,
                guint       paragraph,
                guint       start,
                guint       end,
                BtCategory  category,
                BtSeverity  severity)
{
  return valid_paragraph (self, paragraph) && start < end
         && end <= bt_document_get_paragraph (self->source, paragraph)->n_chars
         && (guint) category < BT_N_CATEGORIES && (guint) severity < BT_N_SEVERITIES;
}

guint
bt_review_add_omission (BtReview   *self,
                        guint       paragraph,
                        guint       start,
                        guint       end,
                        BtCategory  category,
                        BtSeverity  severity,
                        const char *comment,
                        BtOrigin    origin,
                        double      confidence,
                        BtState     state)
{
  BtOmission omission = { 0, paragraph, start, end, category, severity,
                          (char *) (comment != NULL ? comment : ""), origin, confidence,
                          state, { NULL, 0 } };

  g_return_val_if_fail (BT_IS_REVIEW (self), 0);

  if (!valid_omission (self, paragraph, start, end, category, severity)
      || !valid_confidence (confidence) || !valid_state (state)
      || (origin != BT_ORIGIN_AUTO && origin != BT_ORIGIN_REVIEWER))
    return 0;
  omission.id = _bt_review_take_omission_id (self);
  decide (self, &omission.decision, state);
  if (!run_command (self, bt_command_new_omission (C_("undo", "Add Omission"), NULL, &omission)))
    return 0;
  return omission.id;
}

gboolean
bt_review_remove_omission (BtReview *self,
                           guint     id)
{
  const BtOmission *omission;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  omission = bt_review_find_omission (self, id);
  if (omission == NULL)
    return FALSE;
  return run_command (self,
                      bt_command_new_omission (C_("undo", "Remove Omission"), omission, NULL));
}

gboolean
bt_review_update_omission (BtReview   *self,
                           guint       id,
                           BtCategory  category,
                           BtSeverity  severity,
                           const char *comment)
{
  const BtOmission *omission;
  BtOmission after;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  omission = bt_review_find_omission (self, id);
  if (comment == NULL)
    comment = "";
  if (omission == NULL || (guint) category >= BT_N_CATEGORIES
      || (guint) severity >= BT_N_SEVERITIES
      || (omission->category == category && omission->severity == severity
          && strcmp (omission->comment, comment) == 0))
    return FALSE;
  after = *omission;
  after.category = category;
  after.severity = severity;
  after.comment = (char *) comment;
  return run_command (self,
                      bt_command_new_omission (C_("undo", "Edit Omission"), omission, &after));
}

gboolean
bt_review_set_omission_state (BtReview *self,
                              guint     id,
                              BtState   state)
{
  const BtOmission *omission;
  BtOmission after;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  omission = bt_review_find_omission (self, id);
  if (omission == NULL || omission->state == state || !valid_state (state))
    return FALSE;
  after = *omission;
  after.state = state;
  decide (self, &after.decision, state);
  return run_command (self, bt_command_new_omission (state_label (state,
                                                                  C_("undo", "Accept Omission"),
                                                                  C_("undo", "Reject Omission"),
                                                                  C_("undo", "Reset Omission")),
                                                     omission, &after));
}

gboolean
bt_review_add_addition (BtReview *self,
                        guint     sentence,
                        BtOrigin  origin,
                        double    confidence,
                        BtState   state)
{
  BtAddition addition = { sentence, origin, confidence, state, { NULL, 0 } };

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_sentence (self, sentence) || !valid_confidence (confidence)
      || !valid_state (state) || (origin != BT_ORIGIN_AUTO && origin != BT_ORIGIN_REVIEWER)
      || find_addition_index (self, sentence) != NONE)
    return FALSE;
  decide (self, &addition.decision, state);
  return run_command (self,
                      bt_command_new_addition (C_("undo", "Mark Addition"), NULL, &addition));
}

gboolean
bt_review_remove_addition (BtReview *self,
                           guint     sentence)
{
  const BtAddition *addition;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  addition = bt_review_find_addition (self, sentence);
  if (addition == NULL)
    return FALSE;
  return run_command (self,
                      bt_command_new_addition (C_("undo", "Unmark Addition"), addition, NULL));
}

gboolean
bt_review_set_addition_state (BtReview *self,
                              guint     sentence,
                              BtState   state)
{
  const BtAddition *addition;
  BtAddition after;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  addition = bt_review_find_addition (self, sentence);
  if (addition == NULL || addition->state == state || !valid_state (state))
    return FALSE;
  after = *addition;
  after.state = state;
  decide (self, &after.decision, state);
  return run_command (self, bt_command_new_addition (state_label (state,
                                                                  C_("undo", "Accept Addition"),
                                                                  C_("undo", "Reject Addition"),
                                                                  C_("undo", "Reset Addition")),
                                                     addition, &after));
}

gboolean
bt_review_set_status (BtReview *self,
                      guint     paragraph,
                      BtStatus  status)
{
  BtStatus before;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph) || (guint) status > BT_STATUS_NEEDS_ATTENTION)
    return FALSE;
  before = bt_review_get_status (self, paragraph);
  if (before == status)
    return FALSE;
  return run_command (self, bt_command_new_status (paragraph, before, status));
}

gboolean
bt_review_set_note (BtReview   *self,
                    guint       paragraph,
                    const char *note)
{
  const char *before;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph))
    return FALSE;
  before = bt_review_get_note (self, paragraph);
  if (g_strcmp0 (before, note != NULL ? note : "") == 0)
    return FALSE;
  return run_command (self, bt_command_new_note (paragraph, before, note));
}

gboolean
bt_review_set_threshold (BtReview *self,
                         double    threshold)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!isfinite (threshold) || threshold < 0.0 || threshold == self->threshold)
    return FALSE;
  return run_command (self, bt_command_new_threshold (self->threshold, threshold));
}

static guint
decide_paragraph_links (BtReview *self,
                        guint     paragraph,
                        BtState   state)
{
  g_autoptr(GArray) sentences = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n = 0;
  const guint *items = bt_review_get_paragraph_links (self, paragraph, &n);

  for (guint i = 0; i < n; i++)
    {
      const BtLink *link = &g_array_index (self->data.links, BtLink, items[i]);
      if (link->state == BT_STATE_SUGGESTED)
        g_array_append_val (sentences, link->sentence);
    }
  for (guint i = 0; i < sentences->len; i++)
    bt_review_set_link_state (self, paragraph, g_array_index (sentences, guint, i), state);
  return sentences->len;
}

static guint
decide_paragraph_omissions (BtReview *self,
                            guint     paragraph,
                            BtState   state)
{
  g_autoptr(GArray) indices = bt_review_list_paragraph_omissions (self, paragraph);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = 0; i < indices->len; i++)
    {
      const BtOmission *omission =
          &g_array_index (self->data.omissions, BtOmission, g_array_index (indices, guint, i));
      if (omission->state == BT_STATE_SUGGESTED)
        g_array_append_val (ids, omission->id);
    }
  for (guint i = 0; i < ids->len; i++)
    bt_review_set_omission_state (self, g_array_index (ids, guint, i), state);
  return ids->len;
}

gboolean
bt_review_decide_paragraph (BtReview *self,
                            guint     paragraph,
                            BtState   state)
{
  guint n_decided;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph)
      || (state != BT_STATE_ACCEPTED && state != BT_STATE_REJECTED))
    return FALSE;
  bt_review_begin_group (self, state == BT_STATE_ACCEPTED ? C_("undo", "Accept Paragraph")
                                                          : C_("undo", "Reject Paragraph"));
  n_decided = decide_paragraph_links (self, paragraph, state);
  n_decided += decide_paragraph_omissions (self, paragraph, state);
  bt_review_end_group (self);
  return n_decided > 0;
}

gboolean
bt_review_split_paragraph (BtReview *self,
                           guint     paragraph,
                           guint     at_char)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph) || at_char == 0
      || at_char >= bt_document_get_paragraph (self->source, paragraph)->n_chars)
    return FALSE;
  return run_command (self,
                      bt_command_new_structure (BT_STRUCTURE_SPLIT_PARAGRAPH, paragraph, at_char));
}

gboolean
bt_review_merge_paragraphs (BtReview *self,
                            guint     paragraph)
{
  guint at_char;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_paragraph (self, paragraph + 1) || paragraph == G_MAXUINT)
    return FALSE;
  at_char = bt_document_get_paragraph (self->source, paragraph)->n_chars;
  return run_command (self,
                      bt_command_new_structure (BT_STRUCTURE_MERGE_PARAGRAPHS, paragraph, at_char));
}

gboolean
bt_review_split_sentence (BtReview *self,
                          guint     sentence,
                          guint     at_char)
{
  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_sentence (self, sentence))
    return FALSE;
  return run_command (self,
                      bt_command_new_structure (BT_STRUCTURE_SPLIT_SENTENCE, sentence, at_char));
}

gboolean
bt_review_merge_sentences (BtReview *self,
                           guint     sentence)
{
  const BtSentence *first;

  g_return_val_if_fail (BT_IS_REVIEW (self), FALSE);

  if (!valid_sentence (self, sentence + 1) || sentence == G_MAXUINT)
    return FALSE;
  first = bt_document_get_sentence (self->target, sentence);
  return run_command (self, bt_command_new_structure (BT_STRUCTURE_MERGE_SENTENCES, sentence,
                                                      first->end));
}

/* Copies and comparison */

BtReview *
bt_review_copy (BtReview *self)
{
  g_autoptr(BtDocument) source = NULL;
  g_autoptr(BtDocument) target = NULL;
  BtReview *copy;

  g_return_val_if_fail (BT_IS_REVIEW (self), NULL);

  source = bt_document_copy (self->source);
  target = bt_document_copy (self->target);
  copy = bt_review_new (source, target);
  restore_annotations (copy, &self->data);
  copy->threshold = self->threshold;
  copy->next_omission_id = self->next_omission_id;
  copy->reviewer = g_strdup (self->reviewer);
  copy->clock = self->clock;
  copy->saved_depth = bt_review_get_modified (self) ? -1 : 0;
  copy->modified = bt_review_get_modified (copy);
  return copy;
}

static gboolean
same_double (double a,
             double b)
{
  return fabs (a - b) <= 1e-9;
}

static gboolean
documents_equal (BtDocument *a,
                 BtDocument *b)
{
  guint n_paragraphs = bt_document_get_n_paragraphs (a);
  guint n_sentences = bt_document_get_n_sentences (a);

  if (bt_document_get_language (a) != bt_document_get_language (b)
      || n_paragraphs != bt_document_get_n_paragraphs (b)
      || n_sentences != bt_document_get_n_sentences (b))
    return FALSE;
  for (guint i = 0; i < n_paragraphs; i++)
    {
      const BtParagraph *x = bt_document_get_paragraph (a, i);
      const BtParagraph *y = bt_document_get_paragraph (b, i);
      if (x->n_chars != y->n_chars || x->first_sentence != y->first_sentence
          || x->n_sentences != y->n_sentences || strcmp (x->text, y->text) != 0)
        return FALSE;
    }
  for (guint i = 0; i < n_sentences; i++)
    {
      const BtSentence *x = bt_document_get_sentence (a, i);
      const BtSentence *y = bt_document_get_sentence (b, i);
      if (x->paragraph != y->paragraph || x->start != y->start || x->end != y->end)
        return FALSE;
    }
  return TRUE;
}

static gboolean
decisions_equal (const BtDecision *a,
                 const BtDecision *b)
{
  return g_strcmp0 (a->by, b->by) == 0 && a->at == b->at;
}

static gboolean
links_equal (BtReview *a,
             BtReview *b)
{
  if (a->data.links->len != b->data.links->len)
    return FALSE;
  for (guint i = 0; i < a->data.links->len; i++)
    {
      const BtLink *x = &g_array_index (a->data.links, BtLink, i);
      const BtLink *y = bt_review_find_link (b, x->paragraph, x->sentence);
      if (y == NULL || x->origin != y->origin || x->state != y->state
          || !same_double (x->confidence, y->confidence)
          || !decisions_equal (&x->decision, &y->decision))
        return FALSE;
    }
  return TRUE;
}

static gboolean
additions_equal (BtReview *a,
                 BtReview *b)
{
  if (a->data.additions->len != b->data.additions->len)
    return FALSE;
  for (guint i = 0; i < a->data.additions->len; i++)
    {
      const BtAddition *x = &g_array_index (a->data.additions, BtAddition, i);
      const BtAddition *y = bt_review_find_addition (b, x->sentence);
      if (y == NULL || x->origin != y->origin || x->state != y->state
          || !same_double (x->confidence, y->confidence)
          || !decisions_equal (&x->decision, &y->decision))
        return FALSE;
    }
  return TRUE;
}

#define CMP(x, y) G_STMT_START { if ((x) != (y)) return (x) < (y) ? -1 : 1; } G_STMT_END

/* Orders omissions by everything but their id, which a reopened file
 * numbers afresh. */
static int
compare_omissions (gconstpointer a,
                   gconstpointer b)
{
  const BtOmission *x = a;
  const BtOmission *y = b;
  int cmp;

  CMP (x->paragraph, y->paragraph);
  CMP (x->start, y->start);
  CMP (x->end, y->end);
  CMP (x->category, y->category);
  CMP (x->severity, y->severity);
  CMP (x->origin, y->origin);
  CMP (x->state, y->state);
  if (!same_double (x->confidence, y->confidence))
    return x->confidence < y->confidence ? -1 : 1;
  CMP (x->decision.at, y->decision.at);
  if ((cmp = g_strcmp0 (x->comment, y->comment)) != 0)
    return cmp;
  return g_strcmp0 (x->decision.by, y->decision.by);
}

static gboolean
omissions_equal (BtReview *a,
                 BtReview *b)
{
  g_autoptr(GArray) x = NULL;
  g_autoptr(GArray) y = NULL;

  if (a->data.omissions->len != b->data.omissions->len)
    return FALSE;
  x = g_array_copy (a->data.omissions);
  y = g_array_copy (b->data.omissions);
  g_array_sort (x, compare_omissions);
  g_array_sort (y, compare_omissions);
  for (guint i = 0; i < x->len; i++)
    if (compare_omissions (&g_array_index (x, BtOmission, i),
                           &g_array_index (y, BtOmission, i)) != 0)
      return FALSE;
  return TRUE;
}

static gboolean
paragraph_fields_equal (BtReview *a,
                        BtReview *b)
{
  guint n = bt_document_get_n_paragraphs (a->source);

  for (guint i = 0; i < n; i++)
    if (bt_review_get_status (a, i) != bt_review_get_status (b, i)
        || strcmp (bt_review_get_note (a, i), bt_review_get_note (b, i)) != 0)
      return FALSE;
  return TRUE;
}

/* Omission ids and where paragraphs were in a text file (line) are not
 * compared: a saved review does not keep them. */
gboolean
bt_review_equal (BtReview *a,
                 BtReview *b)
{
  g_return_val_if_fail (BT_IS_REVIEW (a), FALSE);
  g_return_val_if_fail (BT_IS_REVIEW (b), FALSE);

  return documents_equal (a->source, b->source) && documents_equal (a->target, b->target)
         && links_equal (a, b) && omissions_equal (a, b) && additions_equal (a, b)
         && paragraph_fields_equal (a, b) && same_double (a->threshold, b->threshold)
         && g_strcmp0 (a->reviewer, b->reviewer) == 0;
}

/* Names, as the files write them */

static const char *const state_names[] = { "suggested", "accepted", "rejected" };
static const char *const origin_names[] = { "auto", "reviewer" };
static const char *const status_names[] = { "unreviewed", "reviewed", "needs-attention" };
static const char *const category_names[] = { "condensation", "substantive", "detail",
                                               "attribution", "other" };
static const char *const severity_names[] = { "neutral", "minor", "major", "critical" };
static const guint severity_weights[] = { 0, 1, 5, 10 };
static const guint severity_its_values[] = { 0, 25, 60, 90 };

static gboolean
lookup_name (const char *const *names,
             guint              n_names,
             const char        *string,
             guint             *value)
{
  for (guint i = 0; i < n_names; i++)
    if (strcmp (names[i], string) == 0)
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

#define NAME_FUNCS(lower, Type, names)                                              \
  const char *bt_##lower##_to_string (Type value)                                   \
  {                                                                                 \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (names), NULL);              \
    return names[value];                                                            \
  }                                                                                 \
  gboolean bt_##lower##_from_string (const char *string, Type *value)               \
  {                                                                                 \
    guint found;                                                                    \
    g_return_val_if_fail (string != NULL, FALSE);                                   \
    g_return_val_if_fail (value != NULL, FALSE);                                    \
    if (!lookup_name (names, G_N_ELEMENTS (names), string, &found))                 \
      return FALSE;                                                                 \
    *value = (Type) found;                                                          \
    return TRUE;                                                                    \
  }

NAME_FUNCS (state, BtState, state_names)
NAME_FUNCS (origin, BtOrigin, origin_names)
NAME_FUNCS (status, BtStatus, status_names)
NAME_FUNCS (category, BtCategory, category_names)
NAME_FUNCS (severity, BtSeverity, severity_names)

guint
bt_severity_get_weight (BtSeverity severity)
{
  g_return_val_if_fail ((guint) severity < BT_N_SEVERITIES, 0);

  return severity_weights[severity];
}

guint
bt_severity_get_its_value (BtSeverity severity)
{
  g_return_val_if_fail ((guint) severity < BT_N_SEVERITIES, 0);

  return severity_its_values[severity];
}
