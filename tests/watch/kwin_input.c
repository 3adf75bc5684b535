/* The person's hand on KDE Plasma without a screen: KWin's fake-input protocol
 * (org_kde_kwin_fake_input, the one KDE Connect's touchpad uses) moves the pointer for each
 * line "move X Y" on standard input. Prints "ready" once bound, "moved" after each motion. */
#include <stdio.h>
#include <string.h>
#include <wayland-client.h>

#include "fake-input-client-protocol.h"

static struct org_kde_kwin_fake_input* fake_input;

static void global(void* data, struct wl_registry* registry, uint32_t name, const char* interface,
                   uint32_t version) {
  (void)data;
  (void)version;
  if (strcmp(interface, org_kde_kwin_fake_input_interface.name) == 0)
    fake_input = wl_registry_bind(registry, name, &org_kde_kwin_fake_input_interface, 1);
}

static void global_remove(void* data, struct wl_registry* registry, uint32_t name) {
  (void)data;
  (void)registry;
  (void)name;
}

static const struct wl_registry_listener listener = {global, global_remove};

int main(void) {
  struct wl_display* display = wl_display_connect(NULL);
  if (display == NULL) {
    fprintf(stderr, "kwin_input: cannot connect to the Wayland display\n");
    return 1;
  }
  struct wl_registry* registry = wl_display_get_registry(display);
  wl_registry_add_listener(registry, &listener, NULL);
  wl_display_roundtrip(display);
  if (fake_input == NULL) {
    fprintf(stderr, "kwin_input: the compositor offers no org_kde_kwin_fake_input\n");
    return 1;
  }
  org_kde_kwin_fake_input_authenticate(fake_input, "limber tests", "to move the pointer");
  wl_display_roundtrip(display);
  printf("ready\n");
  fflush(stdout);
  char line[64];
  while (fgets(line, sizeof line, stdin) != NULL) {
    if (strncmp(line, "move", 4) != 0)
      continue;
    org_kde_kwin_fake_input_pointer_motion(fake_input, wl_fixed_from_int(3), wl_fixed_from_int(2));
    wl_display_roundtrip(display);
    printf("moved\n");
    fflush(stdout);
  }
  wl_display_disconnect(display);
  return 0;
}
