<?php
// Installs WordPress in the empty wp_lede database, as the install screen would.
$installing = true;
require __DIR__ . '/boot.php';
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
$result = wp_install('Le Journal des Batteries', 'redaction', 'redaction@journal.example.fr', true, '', 'motdepasse-fixture', 'fr_FR');
update_option('blogdescription', 'Énergie, piles et autonomie, vues de près');
update_option('permalink_structure', '/%year%/%monthnum%/%postname%/');
update_option('timezone_string', 'Europe/Paris');
update_option('thread_comments', 1);
fwrite(STDERR, "installed, admin user {$result['user_id']}\n");
