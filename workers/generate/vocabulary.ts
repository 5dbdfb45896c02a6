// The words generated keywords are built from: [modifier] [topic] product, as digital-product shoppers search.
import type { Platform } from '../../workflows/types/platforms';

export const PRODUCTS = [
  'planner', 'template', 'svg', 'ebook', 'course', 'preset', 'font', 'clipart', 'printable', 'worksheet',
  'resume template', 'wall art', 'sticker', 'notion template', 'canva template', 'lightroom preset',
  'procreate brush', 'digital paper', 'invitation', 'budget spreadsheet', 'coloring page', 'pattern',
  'mockup', 'logo', 'icon set', 'journal', 'calendar', 'checklist', 'flashcards', 'lesson plan',
  'sewing pattern', 'crochet pattern', 'knitting pattern', 'embroidery design', 'cut file', 'png bundle',
  'photo overlay', 'instagram template', 'media kit', 'business card', 'menu template', 'label',
  'gift tag', 'certificate', 'tracker', 'habit tracker', 'meal planner', 'cleaning schedule', 'chore chart',
  'song', 'sound effect', 'music loop', 'video template', 'animation', 'game asset', 'texture', '3d model',
  'printable art', 'quote print', 'poster', 'map', 'guide', 'workbook', 'audiobook', 'recipe book',
] as const;

export const MODIFIERS = [
  'printable', 'editable', 'digital', 'minimalist', 'boho', 'vintage', 'modern', 'cute', 'aesthetic',
  'instant download', 'custom', 'personalized', 'free', 'premium', 'simple', 'colorful', 'black and white',
  'watercolor', 'hand drawn', 'retro', 'neutral', 'pastel', 'floral', 'rustic', 'elegant', 'funny',
  'kawaii', 'dark academia', 'cottagecore', 'scandinavian', 'bundle', 'mega bundle', 'commercial use',
  'a4', 'letter size', 'goodnotes', 'ipad', 'pdf', 'png', 'jpg', 'dxf', 'eps', 'ai', 'high resolution',
] as const;

export const TOPICS = [
  'wedding', 'teacher', 'kids', 'christmas', 'halloween', 'fitness', 'budget', 'baby shower', 'small business',
  'student', 'nurse', 'mom', 'dad', 'dog', 'cat', 'birthday', 'easter', 'valentines', 'thanksgiving',
  'summer', 'winter', 'spring', 'autumn', 'travel', 'garden', 'kitchen', 'bathroom', 'nursery', 'office',
  'classroom', 'homeschool', 'montessori', 'adhd', 'self care', 'mental health', 'yoga', 'keto', 'vegan',
  'real estate', 'etsy shop', 'youtube', 'tiktok', 'podcast', 'photography', 'cricut', 'silhouette',
  'sublimation', 'tumbler', 'shirt', 'mug', 'bridal', 'graduation', 'retirement', 'anniversary', 'pet',
  'horse', 'farmhouse', 'camping', 'fishing', 'hunting', 'golf', 'soccer', 'basketball', 'football',
] as const;

/** Each platform's own category names, one drawn per keyword and platform. */
export const CATEGORIES: Record<Platform, readonly string[]> = {
  amazon: ['Kindle eBooks', 'Software', 'Digital Music', 'Apps & Games', 'Office Products', 'Arts & Crafts'],
  etsy: ['Paper & Party Supplies', 'Art & Collectibles', 'Craft Supplies & Tools', 'Books, Movies & Music', 'Home & Living'],
  ebay: ['Books & Magazines', 'Computers/Tablets & Networking', 'Crafts', 'Music', 'Collectibles'],
};
