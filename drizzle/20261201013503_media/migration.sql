CREATE TABLE "article_images" (
	"article_id" uuid,
	"image_id" uuid,
	CONSTRAINT "article_images_pkey" PRIMARY KEY("article_id","image_id")
);
--> statement-breakpoint
CREATE TABLE "images" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
	"content_hash" text NOT NULL UNIQUE,
	"mime_type" text NOT NULL,
	"width" integer NOT NULL,
	"height" integer NOT NULL,
	"byte_size" integer NOT NULL,
	"placeholder" text NOT NULL,
	"alt" text,
	"caption" text,
	"credit" text,
	"decorative" boolean DEFAULT false NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "articles" ADD COLUMN "cover_image_id" uuid;--> statement-breakpoint
CREATE INDEX "article_images_image_idx" ON "article_images" ("image_id");--> statement-breakpoint
CREATE INDEX "articles_cover_image_idx" ON "articles" ("cover_image_id");--> statement-breakpoint
CREATE INDEX "images_created_idx" ON "images" ("created_at","id");--> statement-breakpoint
ALTER TABLE "article_images" ADD CONSTRAINT "article_images_article_id_articles_id_fkey" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE;--> statement-breakpoint
ALTER TABLE "article_images" ADD CONSTRAINT "article_images_image_id_images_id_fkey" FOREIGN KEY ("image_id") REFERENCES "images"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "articles" ADD CONSTRAINT "articles_cover_image_id_images_id_fkey" FOREIGN KEY ("cover_image_id") REFERENCES "images"("id") ON DELETE RESTRICT;--> statement-breakpoint
ALTER TABLE "images" ADD CONSTRAINT "images_uploaded_by_staff_id_fkey" FOREIGN KEY ("uploaded_by") REFERENCES "staff"("id") ON DELETE SET NULL;