// npm start: the built portal, with ORIGIN defaulting to http://localhost:PORT so forms work out of the box.
export {};
process.env.PORT ??= '3000';
process.env.ORIGIN ??= `http://localhost:${process.env.PORT}`;
// adapter-node refuses bodies over 512 KB by default; a progress update carries up to 6 photos of 5 MB.
process.env.BODY_SIZE_LIMIT ??= '40M';
process.env.UPLOADS_DIR ??= 'data/uploads';
await import(`../../${process.env.BUILD_DIR ?? 'build'}/index.js`);
