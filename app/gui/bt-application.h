/* bt-application.h: the Bitext application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define BT_TYPE_APPLICATION (bt_application_get_type ())
G_DECLARE_FINAL_TYPE (BtApplication, bt_application, BT, APPLICATION, AdwApplication)

BtApplication *bt_application_new  (void);
/* What bitext's main() does: sets up the locale and runs the application. */
int            bt_application_main (int    argc,
                                    char **argv);

/* Registers the window's resources; for programs that make windows
 * without a BtApplication, such as tests. Safe to call twice. */
void           bt_gui_init        (void);

G_END_DECLS
