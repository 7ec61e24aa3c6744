/* bt-cli-split.c: bitext-cli split
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "bt-bilingual.h"
#include "bt-cli.h"
#include "bt-text.h"

/* A file written beside its destination, renamed over it only when every
 * output is complete. */
typedef struct
{
  char *path;
  char *temp_path;
} Output;

static void
output_clear (Output *output)
{
  if (output->temp_path != NULL)
    g_unlink (output->temp_path);
  g_clear_pointer (&output->temp_path, g_free);
  g_clear_pointer (&output->path, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Output, output_clear)

static char *
paragraphs_as_lines (BtDocument *document)
{
  GString *out = g_string_new (NULL);

  for (guint p = 0; p < bt_document_get_n_paragraphs (document); p++)
    {
      g_string_append (out, bt_document_get_paragraph (document, p)->text);
      g_string_append_c (out, '\n');
    }

  return g_string_free (out, FALSE);
}

static gboolean
write_all (int         fd,
           const char *data,
           gsize       size)
{
  while (size > 0)
    {
      gssize written = write (fd, data, size);

      if (written < 0 && errno == EINTR)
        continue;
      if (written <= 0)
        return FALSE;
      data += written;
      size -= (gsize) written;
    }

  return fsync (fd) == 0;
}

static gboolean
output_write_temp (Output     *output,
                   const char *data)
{
  g_autofree char *dir = g_path_get_dirname (output->path);
  g_autofree char *base = g_path_get_basename (output->path);
  g_autofree char *template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  int fd = g_mkstemp_full (template, O_WRONLY | O_CLOEXEC, 0666);
  gboolean ok;
  int saved_errno;

  if (fd < 0)
    {
      bt_cli_error (_("cannot write “%s”: %s"), output->path, g_strerror (errno));
      return FALSE;
    }

  output->temp_path = g_steal_pointer (&template);
  ok = write_all (fd, data, strlen (data));
  saved_errno = errno;
  if (close (fd) != 0 && ok)
    {
      ok = FALSE;
      saved_errno = errno;
    }
  if (!ok)
    bt_cli_error (_("cannot write “%s”: %s"), output->path, g_strerror (saved_errno));

  return ok;
}

static gboolean
output_commit (Output *output)
{
  if (g_rename (output->temp_path, output->path) != 0)
    {
      bt_cli_error (_("cannot write “%s”: %s"), output->path, g_strerror (errno));
      return FALSE;
    }

  g_clear_pointer (&output->temp_path, g_free);
  return TRUE;
}

/* A rename over a folder would fail after the other output is in place. */
static gboolean
check_not_folder (const char *path)
{
  if (!g_file_test (path, G_FILE_TEST_IS_DIR))
    return TRUE;

  bt_cli_error (_("cannot write “%s”: %s"), path, g_strerror (EISDIR));
  return FALSE;
}

static int
write_outputs (const BtCliOptions *options,
               BtDocument         *source,
               BtDocument         *target)
{
  g_auto(Output) source_out = { g_strdup (options->source), NULL };
  g_auto(Output) target_out = { g_strdup (options->target), NULL };
  g_autofree char *source_lines = paragraphs_as_lines (source);
  g_autofree char *target_lines = paragraphs_as_lines (target);

  if (!check_not_folder (options->source) || !check_not_folder (options->target))
    return BT_CLI_BAD_INPUT;

  if (!output_write_temp (&source_out, source_lines) ||
      !output_write_temp (&target_out, target_lines) ||
      !output_commit (&source_out) ||
      !output_commit (&target_out))
    return BT_CLI_BAD_INPUT;

  return BT_CLI_OK;
}

int
bt_cli_split (const BtCliOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtText) text = NULL;
  g_autoptr(BtDocument) source = NULL;
  g_autoptr(BtDocument) target = NULL;
  int status;

  status = bt_cli_load_text (options->files[0], options->encoding, &text);
  if (status != BT_CLI_OK)
    return status;

  if (!bt_bilingual_split (text, options->paragraph_mode, &source, &target, &error))
    {
      bt_cli_error ("%s", error->message);
      return BT_CLI_BAD_INPUT;
    }

  status = write_outputs (options, source, target);
  if (status == BT_CLI_OK)
    g_print (_("%u source paragraphs, %u target paragraphs\n"),
             bt_document_get_n_paragraphs (source), bt_document_get_n_paragraphs (target));
  return status;
}
