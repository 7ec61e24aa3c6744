/* main.c: bitext, the review window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bt-application.h"

int
main (int    argc,
      char **argv)
{
  return bt_application_main (argc, argv);
}
