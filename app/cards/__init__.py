"""Printed membership cards (PNG for card printers, A4 PDF sheets) and the QR shown on screen."""

from app.cards.render import CardFace, card_qr_image, render_card_pdf, render_card_png

__all__ = ["CardFace", "card_qr_image", "render_card_pdf", "render_card_png"]
