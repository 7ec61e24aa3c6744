/* bt-line-row.h: the row showing one paragraph or one sentence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "bt-line-model.h"

G_BEGIN_DECLS

#define BT_TYPE_LINE_ROW (bt_line_row_get_type ())
G_DECLARE_FINAL_TYPE (BtLineRow, bt_line_row, BT, LINE_ROW, GtkWidget)

GtkWidget  *bt_line_row_new        (void);
void        bt_line_row_bind       (BtLineRow  *self,
                                    BtLineItem *item);
void        bt_line_row_unbind     (BtLineRow  *self);
/* The index shown, or G_MAXUINT when unbound. */
guint       bt_line_row_get_index  (BtLineRow  *self);
BtSide      bt_line_row_get_side   (BtLineRow  *self);
GtkLabel   *bt_line_row_get_label  (BtLineRow  *self);

/* Coverage of a source paragraph as background colours; exposed for tests. */
PangoAttrList *bt_line_row_coverage_attrs (BtReview *review,
                                           guint     paragraph);

G_END_DECLS
