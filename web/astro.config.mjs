// The reader site: every page rendered on the server (it works without JavaScript); the only
// script a reader downloads is the live-comments island of the article page.
import node from "@astrojs/node";
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "server",
  adapter: node({ mode: "standalone" }),
  // Astro's own check refuses cross-site form POSTs, which the comment and newsletter forms are not.
  security: { checkOrigin: true },
  server: { port: 4321, host: true },
  build: { inlineStylesheets: "always" },
});
