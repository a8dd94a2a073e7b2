"""tinhgon — tổ chức bộ máy và biên chế như một lịch sử có ngày và căn cứ pháp lý."""

__version__ = "0.1.0"
