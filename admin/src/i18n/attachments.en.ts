/*
 * English texts of the child's photos and documents (children/Attachments.tsx); en.ts spreads
 * this block into `app`. Same tree in attachments.lv.ts.
 */
export const attachmentsAppEn = {
  attachments: {
    tab: 'Photos and documents',
    empty: 'No files yet.',
    loading: 'Loading files…',
    columns: {
      preview: 'Photo',
      file_name: 'File name',
      category: 'Category',
      size: 'Size',
      uploaded_at: 'Added',
      uploaded_by: 'Added by',
      note: 'Note',
    },
    categories: {
      photo: 'Photo',
      record_sheet: 'Record sheet',
      court_decision: 'Orphan court decision',
      medical: 'Medical documents',
      birth_family: 'Birth family',
      other: 'Other document',
    },
    download: 'Download',
    delete: 'Delete',
    delete_title: 'Delete the file?',
    delete_content: 'The file “%{name}” will be deleted for good.',
    deleted: 'File deleted',
    upload_title: 'Add a file',
    upload_help:
      'Photos: JPEG or PNG. Documents: PDF, DOCX, JPEG or PNG. The type is checked by the file’s content.',
    choose_file: 'Choose a file',
    no_file: 'No file chosen',
    category: 'Category',
    note: 'Note (optional)',
    upload: 'Upload',
    uploading: 'Uploading…',
    uploaded: 'File added',
    failed: 'Failed: %{error}',
    errors: {
      unsupported_type:
        'A file of this kind cannot be added: a photo must be JPEG or PNG, a document PDF, DOCX, JPEG or PNG (checked by content, not by name).',
      type_mismatch:
        'The file’s content does not match its type (extension). Save the file again in the right format.',
      too_large: 'The file is too large: at most %{limit}.',
      empty: 'The file is empty.',
    },
  },
};
