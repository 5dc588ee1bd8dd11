<?php
// Loads the WordPress copy given as the first argument from php-cli, with no web server.
$_SERVER['HTTP_HOST'] = 'journal.example.fr';
$_SERVER['SERVER_NAME'] = 'journal.example.fr';
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['SERVER_PROTOCOL'] = 'HTTP/1.1';
$_SERVER['REQUEST_METHOD'] = 'GET';
if (!defined('WP_INSTALLING') && !empty($installing)) define('WP_INSTALLING', true);
require rtrim($argv[1], '/') . '/wp-load.php';
