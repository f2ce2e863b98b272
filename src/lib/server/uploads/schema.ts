import { sqliteTable, integer, text, blob, index } from 'drizzle-orm/sqlite-core';
import { users } from '../auth/schema';

/**
 * Files a signed-in person chose on a form that was refused (a mistake in another field, the similar-proposals
 * step), held for an hour so that the form can take them again without the person choosing them again: a browser
 * never fills a file field in again. The token is what the re-rendered form carries; it is good only for its
 * user and its field. The bytes are kept as sent: the command judges them when the form is sent again.
 */
export const heldUploads = sqliteTable(
	'held_uploads',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		/** 128 random bits, hex: unguessable, and bound to user and field besides. */
		token: text('token').notNull().unique(),
		userId: integer('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The form field the file was chosen in (`photos`, `photo`, `plan`, `file`). */
		field: text('field').notNull(),
		fileName: text('file_name').notNull(),
		contentType: text('content_type').notNull(),
		bytes: blob('bytes', { mode: 'buffer' }).notNull(),
		/** Bytes' length, so that what one person holds is bounded without reading the blobs. */
		size: integer('size').notNull(),
		createdAt: integer('created_at').notNull()
	},
	(t) => [index('held_uploads_user_idx').on(t.userId, t.id), index('held_uploads_created_idx').on(t.createdAt)]
);
