<?php
// Writes WordPress's own export (Tools → Export → All content) to stdout: export_wp() from
// wp-admin/includes/export.php. Its header() calls do nothing under php-cli.
require __DIR__ . '/boot.php';
require_once ABSPATH . 'wp-admin/includes/export.php';
wp_set_current_user(1);
export_wp(array('content' => 'all'));
