/* bt-progress.h: how far long work has come, and stopping it on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Called from the thread doing the work, with values that never go
 * down, ending with 1 when the work is done. */
typedef void (*BtProgressFunc) (double   fraction,
                                gpointer user_data);

/* Where a step reports: @func gets @from at the step's start and @to at
 * its end. A step hands its parts to the functions it calls with
 * bt_progress_part(); a NULL BtProgress reports nowhere. */
typedef struct
{
  BtProgressFunc func;
  gpointer       user_data;
  double         from;
  double         to;
} BtProgress;

BtProgress bt_progress_init    (BtProgressFunc     func,
                                gpointer           user_data);
/* The part from @from to @to (fractions of @self) of the step. */
BtProgress bt_progress_part    (const BtProgress  *self,
                                double             from,
                                double             to);
void       bt_progress_report  (const BtProgress  *self,
                                double             fraction);
/* Reports @fraction of the step, then FALSE with G_IO_ERROR_CANCELLED
 * when @cancellable is cancelled. */
gboolean   bt_progress_advance (const BtProgress  *self,
                                double             fraction,
                                GCancellable      *cancellable,
                                GError           **error);

/* How many bytes work over text goes between reports and checks. */
#define BT_PROGRESS_STRIDE (256 * 1024)

G_END_DECLS
