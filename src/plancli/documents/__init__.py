"""Any document plancli writes (a letter, a filing, the case record) as a file.

A document is data: its language, title, date, plain text and typed blocks (paragraphs,
bullet lists, headings, a signature group, page breaks; for reports also tables and a drawn
timeline). Whoever builds one decides what each block is from what it knows (the letters
package owns its words); this package only lays the blocks out and never reads the words, so a
document in any language prints the same way.

- `pages`: documents laid out as pages of text (letters, filings): .txt, .md, .html, .docx, .pdf;
- `report`: reports with tables and a drawn timeline (the chronology): .docx, .pdf.

Pure: it returns the bytes of a file and writes nothing (`store.write_private_file` does).
python-docx and fpdf2 are imported inside the functions that use them, so that start-up does
not pay for them.
"""

from plancli.documents.pages import (
    FONT_FILES,
    FORMATS,
    Block,
    Bullets,
    Document,
    Heading,
    Line,
    PageBreak,
    Paragraph,
    SignatureGroup,
    Subject,
    UnprintableError,
    document_bytes,
    to_docx,
    to_html,
    to_pdf,
)
from plancli.documents.report import (
    REPORT_FORMATS,
    Bar,
    Lane,
    Mark,
    Report,
    ReportBlock,
    Shade,
    Table,
    Timeline,
    report_bytes,
    report_docx,
    report_pdf,
)

__all__ = [
    "Bar",
    "Block",
    "Bullets",
    "Document",
    "FONT_FILES",
    "FORMATS",
    "Heading",
    "Lane",
    "Line",
    "Mark",
    "PageBreak",
    "Paragraph",
    "REPORT_FORMATS",
    "Report",
    "ReportBlock",
    "Shade",
    "SignatureGroup",
    "Subject",
    "Table",
    "Timeline",
    "UnprintableError",
    "document_bytes",
    "report_bytes",
    "report_docx",
    "report_pdf",
    "to_docx",
    "to_html",
    "to_pdf",
]
