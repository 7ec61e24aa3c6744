/* bt-line-model.h: one side of a review as a list of rows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "bt-review.h"

G_BEGIN_DECLS

typedef enum
{
  BT_SIDE_SOURCE, /* rows are source paragraphs */
  BT_SIDE_TARGET, /* rows are target sentences */
} BtSide;

#define BT_TYPE_LINE_ITEM (bt_line_item_get_type ())
G_DECLARE_FINAL_TYPE (BtLineItem, bt_line_item, BT, LINE_ITEM, GObject)

#define BT_TYPE_LINE_MODEL (bt_line_model_get_type ())
G_DECLARE_FINAL_TYPE (BtLineModel, bt_line_model, BT, LINE_MODEL, GObject)

guint        bt_line_item_get_index        (BtLineItem   *self);
BtLineModel *bt_line_item_get_model        (BtLineItem   *self);

BtLineModel *bt_line_model_new             (BtReview     *review,
                                            BtSide        side);
BtReview    *bt_line_model_get_review      (BtLineModel  *self);
BtSide       bt_line_model_get_side        (BtLineModel  *self);
/* Asks the row showing @index, if any, to show it again. */
void         bt_line_model_refresh         (BtLineModel  *self,
                                            guint         index);
void         bt_line_model_refresh_all     (BtLineModel  *self);
/* Rows linked to the selection on the other side. */
void         bt_line_model_set_highlighted (BtLineModel  *self,
                                            const guint  *indices,
                                            guint         n_indices);
gboolean     bt_line_model_is_highlighted  (BtLineModel  *self,
                                            guint         index);

G_END_DECLS
