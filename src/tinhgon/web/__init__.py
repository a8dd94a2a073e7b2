"""The web application (Django): daily work for agencies and the provincial Home Affairs
department. A thin shell: views parse, call one service or selector, render."""
