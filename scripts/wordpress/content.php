<?php
// The fixture's content, written with WordPress's own API as an editor's screens would: two authors,
// categories and tags (one whose slug WordPress percent-encodes), posts in every status with Gutenberg
// and classic bodies, a featured image with its alt text, and threaded comments in every status with
// a pingback. test/wordpress-import-real.test.ts expects exactly this; change both together.
require __DIR__ . '/boot.php';
require_once ABSPATH . 'wp-admin/includes/image.php';
require_once ABSPATH . 'wp-admin/includes/post.php';

// As the administrator, who may post unfiltered HTML (block comments, figures) like in wp-admin.
wp_set_current_user(1);
kses_init();

function must($value, string $what) {
	if (is_wp_error($value) || !$value) {
		fwrite(STDERR, "$what failed: " . (is_wp_error($value) ? $value->get_error_message() : 'no id') . "\n");
		exit(1);
	}
	return $value;
}

$margaux = must(wp_insert_user(array(
	'user_login' => 'margaux', 'user_pass' => 'fixture-margaux', 'user_email' => 'margaux@journal.example.fr',
	'display_name' => 'Margaux Pellerin', 'first_name' => 'Margaux', 'last_name' => 'Pellerin', 'role' => 'author',
	'description' => 'Suit les batteries, des laboratoires aux usines.',
)), 'user margaux');
$theo = must(wp_insert_user(array(
	'user_login' => 'theo', 'user_pass' => 'fixture-theo', 'user_email' => 'theo@journal.example.fr',
	'display_name' => 'Théo Vasseur', 'first_name' => 'Théo', 'last_name' => 'Vasseur', 'role' => 'editor',
)), 'user theo');
wp_update_user(array('ID' => 1, 'display_name' => 'La rédaction'));

$batteries = must(wp_insert_term('Batteries', 'category', array('description' => 'Cellules, chimies et usines.')), 'category')['term_id'];
$mobilite = must(wp_insert_term('Mobilité', 'category'), 'category')['term_id'];
must(wp_insert_term('Énergie', 'post_tag'), 'tag Énergie');
// "₂" is not a letter remove_accents() knows: WordPress keeps it, percent-encoded, in the slug.
must(wp_insert_term('CO₂', 'post_tag'), 'tag CO₂');
must(wp_insert_term('Recyclage', 'post_tag'), 'tag Recyclage');

function post(array $fields) {
	$fields += array('comment_status' => 'open', 'ping_status' => 'open');
	if (isset($fields['post_date'])) {
		$fields['post_date_gmt'] = get_gmt_from_date($fields['post_date']);
	}
	return must(wp_insert_post(wp_slash($fields), true), 'post ' . $fields['post_title']);
}

$sodium_body = <<<'HTML'
<!-- wp:paragraph -->
<p>À Lyon, une jeune pousse assure que sa cellule sodium-ion garde <strong>90 % de sa charge</strong> à moins vingt degrés. Nous avons passé une journée dans son atelier.</p>
<!-- /wp:paragraph -->

<!-- wp:pullquote -->
<figure class="wp-block-pullquote"><blockquote><p>Le froid n'est plus l'ennemi de la batterie.</p><cite>Élodie Garnier, directrice technique de Cellia</cite></blockquote></figure>
<!-- /wp:pullquote -->

<!-- wp:heading -->
<h2>Moins de lithium, plus de sel</h2>
<!-- /wp:heading -->

<!-- wp:paragraph -->
<p>Le sodium coûte peu et se trouve partout. Les premiers essais en chambre froide ont été publiés cet hiver (<a href="https://www.revue-energie.example/sodium-froid">Source</a>).</p>
<!-- /wp:paragraph -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>La densité reste le point faible, mais l'écart se resserre chaque année.</p>
<!-- /wp:paragraph --><cite>Paul Meunier, chercheur au CNRS</cite></blockquote>
<!-- /wp:quote -->

<!-- wp:list -->
<ul><!-- wp:list-item -->
<li>Une cellule prismatique de 3,1 V</li>
<!-- /wp:list-item -->

<!-- wp:list-item -->
<li>Aucun cobalt ni nickel</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->
HTML;

$sodium = post(array(
	'post_author' => $margaux, 'post_title' => 'Batterie sodium : le pari du grand froid',
	'post_name' => 'batterie-sodium-grand-froid', 'post_status' => 'publish', 'post_date' => '2024-03-05 09:00:00',
	'post_excerpt' => 'Une cellule qui tient la charge par grand froid : la promesse d\'une start-up lyonnaise.',
	'post_content' => $sodium_body, 'post_category' => array($batteries), 'tags_input' => array('Énergie', 'CO₂'),
));

// The featured image: a file already in uploads/2024/03, attached as wp-admin's media screen would.
$upload = wp_upload_dir('2024/03');
$file = $upload['path'] . '/cellule-sodium.png';
$cover = must(wp_insert_attachment(array(
	'post_title' => 'Cellule sodium', 'post_excerpt' => 'La cellule prismatique de Cellia, posée sur l\'établi.',
	'post_content' => '', 'post_mime_type' => 'image/png', 'guid' => $upload['url'] . '/cellule-sodium.png',
	'post_author' => $margaux, 'post_date' => '2024-03-05 08:30:00',
), $file, $sodium, true), 'attachment');
wp_update_attachment_metadata($cover, wp_generate_attachment_metadata($cover, $file));
update_post_meta($cover, '_wp_attachment_image_alt', 'Une cellule de batterie grise sur un établi');
set_post_thumbnail($sodium, $cover);

$recyclage_body = <<<'HTML'
<p>Les trottinettes en libre-service finissent-elles à la décharge ? À Bordeaux, un atelier démonte chaque semaine deux cents batteries.</p>
<p>Le tri se fait encore à la main.<br />
Un opérateur sépare les cellules, un autre teste celles qui peuvent servir une seconde fois.</p>
<blockquote><p>On récupère presque sept cellules sur dix.</p><p><cite>Nadia Ferrand, responsable de l'atelier</cite></p></blockquote>
[gallery columns="1" ids="COVER_ID"]
<p>Votre avis nous intéresse : [sondage id="12"]</p>
<p>Le rapport complet est en ligne. Source : <a href="https://www.ademe-exemple.fr/rapport-trottinettes">rapport de l'agence</a></p>
HTML;

$recyclage = post(array(
	'post_author' => $theo, 'post_title' => 'Où finissent les batteries des trottinettes',
	'post_name' => 'batteries-trottinettes', 'post_status' => 'publish', 'post_date' => '2024-04-12 14:30:00',
	'post_excerpt' => 'Un atelier bordelais donne une seconde vie aux cellules usées.',
	// The gallery shows the sodium article's picture again, by its attachment id.
	'post_content' => str_replace('COVER_ID', (string) $cover, $recyclage_body), 'post_category' => array($mobilite), 'tags_input' => array('Recyclage'),
));

post(array(
	'post_author' => $margaux, 'post_title' => 'Salon de Grenoble : ce qui sera présenté',
	'post_name' => 'salon-grenoble', 'post_status' => 'future', 'post_date' => '2031-02-24 09:00:00',
	'post_content' => "<!-- wp:paragraph -->\n<p>Le programme du salon, jour par jour.</p>\n<!-- /wp:paragraph -->",
	'post_category' => array($batteries),
));
post(array(
	'post_author' => $theo, 'post_title' => 'Brouillon : les vélos cargo électriques',
	'post_name' => '', 'post_status' => 'draft',
	'post_content' => "<!-- wp:paragraph -->\n<p>Notes à reprendre : autonomie, prix, garanties.</p>\n<!-- /wp:paragraph -->",
	'post_category' => array($mobilite),
));
post(array(
	'post_author' => $margaux, 'post_title' => 'Superconducteurs : relire avant mardi',
	'post_name' => 'supraconducteurs-relecture', 'post_status' => 'pending', 'post_date' => '2024-05-02 10:00:00',
	'post_content' => '<p>Un papier qui attend la relecture de Théo.</p>',
	'post_category' => array($batteries),
));
post(array(
	'post_author' => 1, 'post_title' => 'Notes internes de la rédaction',
	'post_name' => 'notes-internes', 'post_status' => 'private', 'post_date' => '2024-05-10 18:00:00',
	'post_content' => '<p>Planning des congés et des astreintes.</p>',
	'post_category' => array($batteries),
));
$trashed = post(array(
	'post_author' => $theo, 'post_title' => 'Article retiré', 'post_name' => 'article-retire',
	'post_status' => 'publish', 'post_date' => '2024-02-01 08:00:00',
	'post_content' => '<p>Une erreur de chiffres, retiré le jour même.</p>', 'post_category' => array($batteries),
));
wp_trash_post($trashed);
post(array(
	'post_type' => 'page', 'post_author' => 1, 'post_title' => 'Qui sommes-nous', 'post_name' => 'qui-sommes-nous',
	'post_status' => 'publish', 'post_date' => '2024-01-10 12:00:00',
	'post_content' => "<!-- wp:paragraph -->\n<p>Une rédaction de quatre personnes.</p>\n<!-- /wp:paragraph -->",
));

function comment(int $post, array $fields): int {
	$fields += array('comment_post_ID' => $post, 'comment_approved' => 1, 'comment_type' => 'comment',
		'comment_author_IP' => '192.0.2.10', 'comment_agent' => 'Mozilla/5.0');
	$fields['comment_date_gmt'] = get_gmt_from_date($fields['comment_date']);
	return must(wp_insert_comment(wp_slash($fields)), 'comment');
}

// Under the sodium article: a thread three deep, all approved, then one of each other status.
$c1 = comment($sodium, array('comment_author' => 'Lucien Morel', 'comment_author_email' => 'lucien@exemple.fr',
	'comment_author_url' => 'https://lucien.exemple.fr', 'comment_date' => '2024-03-05 10:12:00',
	'comment_content' => 'Et la durée de vie en cycles, elle tient aussi par grand froid ?'));
$c2 = comment($sodium, array('comment_author' => 'Margaux Pellerin', 'comment_author_email' => 'margaux@journal.example.fr',
	'user_id' => $margaux, 'comment_parent' => $c1, 'comment_date' => '2024-03-05 11:40:00',
	'comment_content' => 'Cellia annonce trois mille cycles ; nous n\'avons pas pu le vérifier.'));
comment($sodium, array('comment_author' => 'Lucien Morel', 'comment_author_email' => 'lucien@exemple.fr',
	'comment_parent' => $c2, 'comment_date' => '2024-03-05 12:05:00', 'comment_content' => 'Merci, c\'est honnête.'));
comment($sodium, array('comment_author' => 'Agnès Roy', 'comment_author_email' => 'agnes@exemple.fr',
	'comment_approved' => 0, 'comment_date' => '2024-03-06 07:55:00',
	'comment_content' => 'Un commentaire qui attend la modération.'));
comment($sodium, array('comment_author' => 'Promo Piles', 'comment_author_email' => 'promo@exemple.fr',
	'comment_approved' => 'spam', 'comment_date' => '2024-03-06 08:00:00',
	'comment_content' => 'Piles pas chères, cliquez ici.'));
comment($sodium, array('comment_author' => 'Anonyme', 'comment_author_email' => 'anonyme@exemple.fr',
	'comment_approved' => 'trash', 'comment_date' => '2024-03-06 09:00:00',
	'comment_content' => 'Un message supprimé par la modération.'));
comment($sodium, array('comment_author' => 'Carnet de Bord', 'comment_author_url' => 'https://carnet.exemple.fr/sodium',
	'comment_type' => 'pingback', 'comment_date' => '2024-03-07 16:20:00',
	'comment_content' => '[…] lire l\'enquête du Journal des Batteries […]'));

// Under the recycling article: a question and its answer.
$c8 = comment($recyclage, array('comment_author' => 'Yanis Belkacem', 'comment_author_email' => 'yanis@exemple.fr',
	'comment_date' => '2024-04-12 18:02:00', 'comment_content' => 'Et les cellules qui ne servent plus ?'));
comment($recyclage, array('comment_author' => 'Théo Vasseur', 'comment_author_email' => 'theo@journal.example.fr',
	'user_id' => $theo, 'comment_parent' => $c8, 'comment_date' => '2024-04-12 19:30:00',
	'comment_content' => 'Elles partent vers une fonderie qui récupère le cuivre et le cobalt.'));

foreach (array($sodium, $recyclage) as $id) {
	fwrite(STDERR, "post $id: " . get_comments_number($id) . " approved comments\n");
}
