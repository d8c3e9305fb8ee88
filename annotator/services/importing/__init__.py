"""Import use case: stream records from files into the project in one transaction.

Either every file imports completely or the database stays exactly as it was. Sentences, tokens
and annotations go in through the store's Core bulk paths in batches, so memory does not grow
with the file (only with the largest document's text).

* :mod:`.files`: :func:`import_paths`, checking the files and running one job over them;
* :mod:`.options`: :class:`ImportOptions` and the documents' content hash;
* :mod:`.documents`: the three states a document of the file is in (new, stored, identical);
* :mod:`.job`: feeding records into documents and sentences;
* :mod:`.layers`: writing a batch of annotation layers;
* :mod:`.names`: names and labels too long, or unfit, for the database.
"""

from annotator.services.importing.files import Progress, import_paths
from annotator.services.importing.job import BATCH
from annotator.services.importing.options import ImportOptions, content_hash

__all__ = ["BATCH", "ImportOptions", "Progress", "content_hash", "import_paths"]
