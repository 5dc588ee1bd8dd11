<?php
// Draws the fixture's cover image with GD: 64×48, a grey ground and a yellow cell. Nothing downloaded.
$image = imagecreatetruecolor(64, 48);
imagefill($image, 0, 0, imagecolorallocate($image, 0x5a, 0x66, 0x73));
imagefilledrectangle($image, 22, 10, 42, 38, imagecolorallocate($image, 0xd9, 0xb4, 0x4a));
imagefilledrectangle($image, 28, 6, 36, 10, imagecolorallocate($image, 0x2f, 0x36, 0x40));
imagepng($image, $argv[1], 9);
