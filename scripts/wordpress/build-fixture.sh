#!/bin/sh
# Builds test/fixtures/wordpress/real-wp-6.1.xml and real-uploads/ from a real WordPress: Debian's
# wordpress 6.1 package run by php-cli against MariaDB, no web server. Needs (Debian 12):
#   apt-get install -y --no-install-recommends wordpress php-cli php-mysql php-gd
# and a MariaDB that root reaches without a password (DB_HOST, default 127.0.0.1). The database
# wp_lede is dropped and created again; the WordPress copy lives in a temporary directory.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
db_host=${DB_HOST:-127.0.0.1}
site=$(mktemp -d /tmp/wp-lede-XXXXXX)
trap 'rm -rf "$site"' EXIT

mysql -h "$db_host" -uroot -e 'drop database if exists wp_lede; create database wp_lede character set utf8mb4 collate utf8mb4_unicode_ci'
# A standalone copy of Debian's WordPress with its own wp-config.php (Debian's reads /etc/wordpress).
cp -rL /usr/share/wordpress/. "$site/"
DB_HOST=$db_host envsubst '$DB_HOST' < "$here/wp-config.php.in" > "$site/wp-config.php"
mkdir -p "$site/wp-content/uploads/2024/03"
# The cover image: a tiny picture drawn here, nothing downloaded.
php "$here/draw-cover.php" "$site/wp-content/uploads/2024/03/cellule-sodium.png"

php "$here/install.php" "$site"
php "$here/content.php" "$site"
php "$here/export.php" "$site" > "$repo/test/fixtures/wordpress/real-wp-6.1.xml"

rm -rf "$repo/test/fixtures/wordpress/real-uploads"
cp -r "$site/wp-content/uploads" "$repo/test/fixtures/wordpress/real-uploads"
echo "wrote test/fixtures/wordpress/real-wp-6.1.xml and real-uploads/"
