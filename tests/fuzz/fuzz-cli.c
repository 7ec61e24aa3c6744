/* fuzz-cli.c: bitext-cli's command line with any arguments; the input is
 * the arguments after "bitext-cli", each ended by a NUL byte or the end
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "bt-cli-options.h"
#include "bt-fuzz.h"

#define MAX_ARGS       64
#define MAX_ARG_LENGTH 4096

static char **
split_args (const guint8 *data,
            size_t        size)
{
  GPtrArray *args = g_ptr_array_new ();

  g_ptr_array_add (args, g_strdup ("bitext-cli"));
  while (size > 0 && args->len < MAX_ARGS)
    {
      const guint8 *end = memchr (data, '\0', size);
      size_t length = end != NULL ? (size_t) (end - data) : size;

      g_ptr_array_add (args, g_strndup ((const char *) data, MIN (length, MAX_ARG_LENGTH)));
      length = MIN (length + 1, size);
      data += length;
      size -= length;
    }
  g_ptr_array_add (args, NULL);
  return (char **) g_ptr_array_free (args, FALSE);
}

static gboolean
is_one_of (const char        *string,
           const char *const *choices)
{
  return string != NULL && g_strv_contains (choices, string);
}

/* What a command may count on when the parser lets it run. */
static void
check_command (const BtCliOptions *o)
{
  static const char *const convert_formats[] = { "xliff", "xliff12", "json", "csv", NULL };
  static const char *const align_formats[] = { "json", "xliff", "xliff12", NULL };
  static const char *const languages[] = { "zh", "en", NULL };
  guint n_files = g_strv_length (o->files);

  g_assert (o->status == BT_CLI_OK && o->error == NULL && o->help == NULL && o->text == NULL);
  g_assert (o->paragraph_mode <= BT_PARAGRAPH_MODE_BLANK_LINES);
  switch (o->command)
    {
    case BT_CLI_COMMAND_SEGMENT:
      g_assert (n_files == 1);
      g_assert (o->guess_language != is_one_of (o->lang, languages));
      break;
    case BT_CLI_COMMAND_SPLIT:
      g_assert (n_files == 1 && o->source != NULL && o->target != NULL);
      g_assert (!g_str_equal (o->source, o->target));
      break;
    case BT_CLI_COMMAND_CONVERT:
      g_assert (n_files == 1 && is_one_of (o->format, convert_formats));
      break;
    case BT_CLI_COMMAND_VALIDATE:
    case BT_CLI_COMMAND_STATS:
      g_assert (n_files == 1);
      break;
    case BT_CLI_COMMAND_ALIGN:
      g_assert (n_files == (o->bilingual != NULL ? 0u : 2u) && is_one_of (o->format, align_formats));
      g_assert (o->units == NULL || g_str_equal (o->units, "lines"));
      g_assert ((o->disabled & ~BT_SIGNAL_ALL) == 0);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Nothing to run: an exit status and something to say. */
static void
check_stop (const BtCliOptions *o)
{
  g_assert (o->files == NULL || o->status == BT_CLI_USAGE);
  if (o->status == BT_CLI_OK)
    g_assert (o->error == NULL && (o->help != NULL) != (o->text != NULL));
  else
    g_assert (o->status == BT_CLI_USAGE && (o->error != NULL || o->text != NULL));
}

static void
check_same (const BtCliOptions *a,
            const BtCliOptions *b)
{
  g_assert (a->command == b->command && a->status == b->status);
  g_assert (g_strcmp0 (a->error, b->error) == 0);
  g_assert (g_strcmp0 (a->help, b->help) == 0);
  g_assert (g_strcmp0 (a->text, b->text) == 0);
  g_assert ((a->files == NULL) == (b->files == NULL));
  g_assert (a->files == NULL || g_strv_equal ((const char *const *) a->files, (const char *const *) b->files));
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static gboolean initialized = FALSE;
  g_auto (GStrv) argv = split_args (data, size);
  g_auto (GStrv) copy = g_strdupv (argv);
  g_auto (BtCliOptions) first = { 0 };
  g_auto (BtCliOptions) again = { 0 };
  int argc = (int) g_strv_length (argv);
  gboolean run;

  /* As bitext-cli runs for most users; GLib's warnings count as findings. */
  if (!initialized)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      initialized = TRUE;
    }

  run = bt_cli_options_parse (&first, argc, argv);
  if (run)
    check_command (&first);
  else
    check_stop (&first);

  /* The arguments stay as they were, and read the same a second time. */
  g_assert (g_strv_equal ((const char *const *) argv, (const char *const *) copy));
  g_assert (bt_cli_options_parse (&again, argc, argv) == run);
  check_same (&first, &again);

  return 0;
}
