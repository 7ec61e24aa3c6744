/* bt-line-model.c: one side of a review as a list of rows
 *
 * Items are created when a view first asks for them and kept, so that a
 * selection survives a refresh: rows listen to their item's "changed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-line-model.h"

struct _BtLineItem
{
  GObject      parent_instance;

  BtLineModel *model; /* not owned: the model owns its items */
  guint        index;
};

G_DEFINE_FINAL_TYPE (BtLineItem, bt_line_item, G_TYPE_OBJECT)

enum
{
  ITEM_CHANGED,
  N_ITEM_SIGNALS
};

static guint item_signals[N_ITEM_SIGNALS];

static void
bt_line_item_class_init (BtLineItemClass *klass)
{
  item_signals[ITEM_CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 0);
}

static void
bt_line_item_init (BtLineItem *self)
{
}

guint
bt_line_item_get_index (BtLineItem *self)
{
  g_return_val_if_fail (BT_IS_LINE_ITEM (self), 0);

  return self->index;
}

BtLineModel *
bt_line_item_get_model (BtLineItem *self)
{
  g_return_val_if_fail (BT_IS_LINE_ITEM (self), NULL);

  return self->model;
}

struct _BtLineModel
{
  GObject     parent_instance;

  BtReview   *review;
  BtSide      side;
  guint       n_items;
  GPtrArray  *items;       /* BtLineItem or NULL, by index */
  GHashTable *highlighted; /* index + 1 => itself */
};

static void bt_line_model_list_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (BtLineModel, bt_line_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, bt_line_model_list_init))

static GType
bt_line_model_get_item_type (GListModel *model)
{
  return BT_TYPE_LINE_ITEM;
}

static guint
bt_line_model_get_n_items (GListModel *model)
{
  return BT_LINE_MODEL (model)->n_items;
}

static gpointer
bt_line_model_get_item (GListModel *model,
                        guint       position)
{
  BtLineModel *self = BT_LINE_MODEL (model);
  BtLineItem *item;

  if (position >= self->n_items)
    return NULL;

  item = g_ptr_array_index (self->items, position);
  if (item == NULL)
    {
      item = g_object_new (BT_TYPE_LINE_ITEM, NULL);
      item->model = self;
      item->index = position;
      g_ptr_array_index (self->items, position) = item;
    }
  return g_object_ref (item);
}

static void
bt_line_model_list_init (GListModelInterface *iface)
{
  iface->get_item_type = bt_line_model_get_item_type;
  iface->get_n_items = bt_line_model_get_n_items;
  iface->get_item = bt_line_model_get_item;
}

static void
clear_item (gpointer data)
{
  BtLineItem *item = data;

  if (item != NULL)
    {
      item->model = NULL;
      g_object_unref (item);
    }
}

static void
bt_line_model_finalize (GObject *object)
{
  BtLineModel *self = BT_LINE_MODEL (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->highlighted, g_hash_table_unref);
  g_clear_object (&self->review);

  G_OBJECT_CLASS (bt_line_model_parent_class)->finalize (object);
}

static void
bt_line_model_class_init (BtLineModelClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = bt_line_model_finalize;
}

static void
bt_line_model_init (BtLineModel *self)
{
  self->items = g_ptr_array_new_with_free_func (clear_item);
  self->highlighted = g_hash_table_new (NULL, NULL);
}

BtLineModel *
bt_line_model_new (BtReview *review,
                   BtSide    side)
{
  BtLineModel *self;
  BtDocument *document;

  g_return_val_if_fail (BT_IS_REVIEW (review), NULL);

  self = g_object_new (BT_TYPE_LINE_MODEL, NULL);
  self->review = g_object_ref (review);
  self->side = side;
  if (side == BT_SIDE_SOURCE)
    {
      document = bt_review_get_source (review);
      self->n_items = bt_document_get_n_paragraphs (document);
    }
  else
    {
      document = bt_review_get_target (review);
      self->n_items = bt_document_get_n_sentences (document);
    }
  g_ptr_array_set_size (self->items, self->n_items);
  return self;
}

BtReview *
bt_line_model_get_review (BtLineModel *self)
{
  g_return_val_if_fail (BT_IS_LINE_MODEL (self), NULL);

  return self->review;
}

BtSide
bt_line_model_get_side (BtLineModel *self)
{
  g_return_val_if_fail (BT_IS_LINE_MODEL (self), BT_SIDE_SOURCE);

  return self->side;
}

void
bt_line_model_refresh (BtLineModel *self,
                       guint        index)
{
  BtLineItem *item;

  g_return_if_fail (BT_IS_LINE_MODEL (self));

  if (index >= self->n_items)
    return;
  item = g_ptr_array_index (self->items, index);
  if (item != NULL)
    g_signal_emit (item, item_signals[ITEM_CHANGED], 0);
}

void
bt_line_model_refresh_all (BtLineModel *self)
{
  g_return_if_fail (BT_IS_LINE_MODEL (self));

  for (guint i = 0; i < self->n_items; i++)
    bt_line_model_refresh (self, i);
}

void
bt_line_model_set_highlighted (BtLineModel *self,
                               const guint *indices,
                               guint        n_indices)
{
  g_autoptr (GHashTable) before = NULL;
  GHashTableIter iter;
  gpointer key;

  g_return_if_fail (BT_IS_LINE_MODEL (self));
  g_return_if_fail (indices != NULL || n_indices == 0);

  before = g_steal_pointer (&self->highlighted);
  self->highlighted = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < n_indices; i++)
    g_hash_table_add (self->highlighted, GUINT_TO_POINTER (indices[i] + 1));

  g_hash_table_iter_init (&iter, before);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->highlighted, key))
      bt_line_model_refresh (self, GPOINTER_TO_UINT (key) - 1);
  g_hash_table_iter_init (&iter, self->highlighted);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (before, key))
      bt_line_model_refresh (self, GPOINTER_TO_UINT (key) - 1);
}

gboolean
bt_line_model_is_highlighted (BtLineModel *self,
                              guint        index)
{
  g_return_val_if_fail (BT_IS_LINE_MODEL (self), FALSE);

  return g_hash_table_contains (self->highlighted, GUINT_TO_POINTER (index + 1));
}
