/* bt-progress.c: how far long work has come, and stopping it on request
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-progress.h"

BtProgress
bt_progress_init (BtProgressFunc func,
                  gpointer       user_data)
{
  return (BtProgress) { func, user_data, 0, 1 };
}

BtProgress
bt_progress_part (const BtProgress *self,
                  double            from,
                  double            to)
{
  double span;

  if (self == NULL)
    return (BtProgress) { NULL, NULL, 0, 1 };
  span = self->to - self->from;
  return (BtProgress) { self->func, self->user_data,
                        self->from + span * CLAMP (from, 0, 1),
                        self->from + span * CLAMP (to, 0, 1) };
}

void
bt_progress_report (const BtProgress *self,
                    double            fraction)
{
  if (self == NULL || self->func == NULL)
    return;
  self->func (self->from + (self->to - self->from) * CLAMP (fraction, 0, 1), self->user_data);
}

gboolean
bt_progress_advance (const BtProgress  *self,
                     double             fraction,
                     GCancellable      *cancellable,
                     GError           **error)
{
  bt_progress_report (self, fraction);
  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}
